import type { ViewModel } from './to-view-model.js';
import { parseIsoDate, toIsoDate } from '../render/helpers/format-dates.js';

/**
 * The roadmap's start date (week 1 starts on it) as `2027-01-04`, or `null`.
 * Read from front matter `start` until the model carries a schedule.
 */
export function findStartDate(view: Pick<ViewModel, 'meta'>): string | null {
  const date = parseIsoDate(view.meta.start);
  return date ? toIsoDate(date) : null;
}
