import type { ViewModel } from './to-view-model.js';
import { parseIsoDate, toIsoDate } from '../render/helpers/format-dates.js';

/**
 * The roadmap's start date (week 1 starts on it) as `2027-01-04`, or `null`.
 * Front matter `start`, else the model's (the config's, `--start`, or the first date of a roadmap of dated headings).
 */
export function findStartDate(view: Pick<ViewModel, 'meta' | 'start'>): string | null {
  const date = parseIsoDate(view.meta.start) ?? parseIsoDate(view.start);
  return date ? toIsoDate(date) : null;
}
