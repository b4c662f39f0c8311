import { parseWeekRange, type WeekNotation } from './parse-week-range.js';

/** The separator after an item's opening notation: a colon or a dash set off by spaces (`Week 3 – Arrays`, `Weeks 1-2: Setup`). */
const separator = /\s*[:：]\s*|\s+[-–—]\s+/u;

/** How long an opening notation can be (`Semanas 10 a 12`): longer, the separator belongs to the item's own words. */
const longestNotation = 24;

/**
 * The week, day or month range an item opens with, when the words before
 * its first separator are only that notation (`Weeks 1–2: Foundations`,
 * `Week 3 – Arrays`, `Semana 4: Listas`); `null` otherwise (`Review week 3
 * notes`, `Week 3 retro with the team`).
 */
export function readLeadingWeek(text: string, weeksPerMonth: number): WeekNotation | null {
  const match = separator.exec(text.slice(0, longestNotation + 4));
  if (!match || match.index === 0 || match.index > longestNotation) return null;
  const head = text.slice(0, match.index);
  const notation = parseWeekRange(head, { weeksPerMonth });
  if (!notation?.weeks || notation.ongoing) return null;
  const rest = head.slice(0, notation.index) + head.slice(notation.index + notation.length);
  return /[\p{L}\p{N}]/u.test(rest) ? null : notation;
}
