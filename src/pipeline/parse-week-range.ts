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
/** `(Ongoing)`, `— Continuous`, `: throughout`, or a heading that starts with `Ongoing` or `Continuous`. */
const ongoingWords = String.raw`(?:ongoing|continuous|continuing|throughout|always)`;
const ongoingPattern = new RegExp(
  String.raw`\(\s*${ongoingWords}\b[^)]*\)|(?:[:—–-]\s*)${ongoingWords}\s*$|^\s*(?:ongoing|continuous)\b`,
  'i',
);

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
  if (text.startsWith('(', notation.index)) return tidy(before + after) || text;
  const open = before.lastIndexOf('(');
  const close = after.indexOf(')');
  if (open !== -1 && close !== -1 && !before.slice(open).includes(')')) {
    // Keep whatever else the parenthesis says: `Basics (Weeks 1-3, part-time)` → `Basics (part-time)`.
    const rest = tidy(`${before.slice(open + 1)} ${after.slice(0, close)}`).replace(/^[,;:—–-]\s*/, '');
    return tidy(`${before.slice(0, open)}${rest ? ` (${rest})` : ''}${after.slice(close + 1)}`) || text;
  }
  if (after.trim() === '') return tidy(before) || text;
  return text;
}

/** Collapse white space and drop a dangling separator at the end. */
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\s*[:,;—–-]$/, '');
}
