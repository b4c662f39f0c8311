import type { ViewModel } from './to-view-model.js';
import { readIsoDate } from '../shared/dates.js';

/**
 * The roadmap's start date (week 1 starts on it) as `2027-01-04`, or `null`.
 * Front matter `start`, else the model's (the config's, `--start`, or the first date of a roadmap of dated headings).
 */
export function findStartDate(view: Pick<ViewModel, 'meta' | 'start'>): string | null {
  return readIsoDate(view.meta.start) ?? readIsoDate(view.start);
}
