import type { WeekRange } from '../model/roadmap.js';

/** What a heading says about time: a week range, "ongoing", and where it was written. */
export interface WeekNotation {
  weeks: WeekRange | null;
  ongoing: boolean;
  /** Offset and length of the notation in the text. */
  index: number;
  length: number;
}

const dash = String.raw`(?:-|–|—|~|to|through|thru|until)`;
const weekWord = String.raw`(?:weeks?|wks?\.?)`;
const number = String.raw`(\d{1,3})`;

const weekPattern = new RegExp(
  String.raw`\b${weekWord}\s*${number}(?:\s*${dash}\s*(?:${weekWord}\s*)?${number})?(?!\d)`,
  'i',
);
const shortPattern = new RegExp(String.raw`\bW${number}(?:\s*${dash}\s*W?${number})?\b`);
const ongoingPattern = /\b(ongoing|continuous|continuing|throughout|always)\b/i;

/**
 * Find a week notation such as `Weeks 1-3`, `Week 4`, `Weeks 10–14`,
 * `W1-W3` or `Ongoing` in a heading. Returns `null` when there is none.
 * A reversed range (`Weeks 5-3`) is returned as written; callers report it.
 */
export function parseWeekRange(text: string): WeekNotation | null {
  const match = weekPattern.exec(text) ?? shortPattern.exec(text);
  if (match) {
    const start = Number(match[1]);
    const end = match[2] === undefined ? start : Number(match[2]);
    return { weeks: { start, end }, ongoing: false, index: match.index, length: match[0].length };
  }
  const ongoing = ongoingPattern.exec(text);
  if (ongoing) return { weeks: null, ongoing: true, index: ongoing.index, length: ongoing[0].length };
  return null;
}

/**
 * The heading without its date notation: `Phase 1: Fundamentals (Weeks 1-3)`
 * → `Phase 1: Fundamentals`; `Basics — Weeks 1-2` → `Basics`. A notation that
 * is the heading's subject (`Week 3: Traits`) stays.
 */
export function stripWeekRange(text: string, notation: WeekNotation): string {
  const before = text.slice(0, notation.index);
  const after = text.slice(notation.index + notation.length);
  const open = before.lastIndexOf('(');
  const close = after.indexOf(')');
  if (open !== -1 && close !== -1 && !before.slice(open).includes(')')) {
    const stripped = `${text.slice(0, open)}${after.slice(close + 1)}`.replace(/\s+/g, ' ').trim();
    return stripped.replace(/\s*[:,—–-]\s*$/, '') || text;
  }
  if (after.trim() === '') return before.replace(/\s*[:,—–-]?\s*$/, '') || text;
  return text;
}
