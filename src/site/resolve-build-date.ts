import { ConfigError } from '../shared/errors.js';

/**
 * The date written into a roadmap's PDF (and printed in its footer when asked):
 * `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention)
 * when set, else the front matter's `date`, else none. Never the clock, so the
 * same input gives the same bytes.
 */
export function resolveBuildDate(epoch: string | undefined, meta: Record<string, unknown>): Date | null {
  if (epoch !== undefined && epoch.trim() !== '') {
    if (!/^\d+$/.test(epoch.trim())) {
      throw new ConfigError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got "${epoch}"`);
    }
    return new Date(Number(epoch.trim()) * 1000);
  }
  const date = meta.date;
  if (date instanceof Date && !Number.isNaN(date.getTime())) return date;
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date)) {
    const parsed = new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  return null;
}
