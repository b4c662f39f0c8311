import type { ScheduledWeek } from '../model/roadmap.js';
import { addDays } from '../shared/dates.js';

/** The dates of week `week` when week 1 starts on `start`: seven days, both ends inclusive. */
export function scheduleWeek(start: string, week: number): ScheduledWeek {
  const first = addDays(start, (week - 1) * 7);
  return { week, start: first, end: addDays(first, 6) };
}
