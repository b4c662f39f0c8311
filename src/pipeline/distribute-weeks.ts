import type { WeekRange } from '../model/roadmap.js';

/**
 * The week of each of `count` items spread over a week range, in document
 * order: non-decreasing, balanced (week loads differ by at most one), and
 * using every week when there are at least as many items as weeks.
 * Item `i` of `n` over `w` weeks falls in week `start + ⌊i·w/n⌋`.
 */
export function distributeWeeks(count: number, range: WeekRange): number[] {
  const span = range.end - range.start + 1;
  return Array.from({ length: count }, (_, index) => range.start + Math.floor((index * span) / count));
}
