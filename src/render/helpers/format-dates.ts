/** Date formatting in a roadmap's language, on calendar dates (no time zones involved). */
import { cachedDateTimeFormat } from '../../shared/format-date.js';

const styles = {
  short: { month: 'short', day: 'numeric', timeZone: 'UTC' },
  medium: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
  long: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
  weekday: { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** The styles `formatDate` understands. */
export type DateStyle = keyof typeof styles;

const hourMinute: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' };
const weekdayWidths = {
  long: { weekday: 'long', timeZone: 'UTC' },
  short: { weekday: 'short', timeZone: 'UTC' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A UTC formatter for `lang` and one of the option constants above; an unknown language throws, as `Intl` does. */
const formatter = cachedDateTimeFormat;

/** `2027-01-04` → a UTC `Date`, or `null` when it is not a real calendar date. */
export function parseIsoDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

/** A UTC date as `2027-01-04`. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The date `days` after `date`. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** `Jan 4, 2027` (medium), `Jan 4` (short), `Monday, January 4, 2027` (long), `Mon, Jan 4` (weekday), in `lang`. */
export function formatDate(value: unknown, lang: string, style: string = 'medium'): string {
  const date = parseIsoDate(value);
  if (value === null || value === undefined || value === '') return '';
  if (!date) throw new Error(`expected an ISO date such as 2027-01-04, got ${JSON.stringify(value)}`);
  if (!(style in styles)) throw new Error(`unknown date style "${style}", expected one of ${Object.keys(styles).join(', ')}`);
  return formatter(lang, styles[style as DateStyle]).format(date);
}

/** `Jan 4 – 10, 2027` in `lang`; one date when both are the same. */
export function formatDateRange(start: unknown, end: unknown, lang: string): string {
  const from = parseIsoDate(start);
  const to = parseIsoDate(end);
  if (start == null || end == null) return '';
  if (!from || !to) throw new Error(`expected ISO dates such as 2027-01-04, got ${JSON.stringify(start)} and ${JSON.stringify(end)}`);
  return formatter(lang, styles.medium).formatRange(from, to);
}

/** `19:00` → `7:00 PM` in `en`, `19:00` in `de`. */
export function formatTime(time: string, lang: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return formatter(lang, hourMinute).format(Date.UTC(2000, 0, 1, hours, minutes));
}

/** `Tuesday` (or `Dienstag`…) for a weekday number, 0 = Sunday. */
export function formatWeekday(day: number, lang: string, width: 'long' | 'short' = 'long'): string {
  // 2023-01-01 was a Sunday.
  return formatter(lang, weekdayWidths[width]).format(Date.UTC(2023, 0, 1 + day));
}
