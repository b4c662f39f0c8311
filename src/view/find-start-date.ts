import type { ViewModel } from './to-view-model.js';
import { readIsoDate } from '../shared/dates.js';

/**
 * The roadmap's start date (week 1 starts on it) as `2027-01-04`, or `null`.
 * The model's (`--start` over front matter `start` over the config's, or the first date of a roadmap of
 * dated headings), which is also what dates its phases; front matter `start` only when the model has none.
 */
export function findStartDate(view: Pick<ViewModel, 'meta' | 'start'>): string | null {
  return readIsoDate(view.start) ?? readIsoDate(view.meta.start);
}
