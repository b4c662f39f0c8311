import type { WeekRange } from '../model/roadmap.js';
import { readChineseNumber } from './read-chinese-number.js';
import { dayWords, monthWords, ongoingPhrases, ongoingStarts, rangeWords, suffixWords, weekWords } from './week-words.js';

/** The unit a notation was written in. */
export type TimeUnit = 'week' | 'month' | 'day';

/** What a heading says about time: a week range, "ongoing", and where it was written. */
export interface WeekNotation {
  /** The range in weeks (months and days converted), or `null` for "ongoing". */
  weeks: WeekRange | null;
  ongoing: boolean;
  /** Offset and length of the notation in the text. */
  index: number;
  length: number;
  /** The unit and the numbers as written (`Months 2-3` → `month`, 2-3); `null` for "ongoing". */
  unit: TimeUnit | null;
  written: WeekRange | null;
}

export interface WeekRangeOptions {
  /** How many weeks a month counts for (default 4): month m is weeks (m−1)·k+1 … m·k. */
  weeksPerMonth?: number;
}

/** Weeks a month counts for unless the config says otherwise. */
export const defaultWeeksPerMonth = 4;

const alternatives = (words: readonly string[]) => words.join('|');
/** Not inside a word: `\b` only knows ASCII, roadmaps are written in every script. */
const wordStart = String.raw`(?<![\p{L}\p{N}])`;
const wordEnd = String.raw`(?![\p{L}\p{N}])`;
/** 1-3 digits (leading zeros allowed: `Day01`), never part of a longer number, a version or a year. */
const number = String.raw`0*(\d{1,3})(?![\d]|[.,]\d)`;
const dash = String.raw`(?:\s*[-–—~〜～]\s*|\s+(?:${alternatives(rangeWords)})\s+)`;

function unitPattern(words: readonly string[]): string {
  const unit = `(?:${alternatives(words)})`;
  return String.raw`${wordStart}${unit}\s*#?\s*${number}(?:${dash}(?:${unit}\s*)?${number})?`;
}

const unitPatterns: [TimeUnit, RegExp][] = [
  ['week', new RegExp(unitPattern(weekWords), 'iu')],
  ['month', new RegExp(unitPattern(monthWords), 'iu')],
  ['day', new RegExp(unitPattern(dayWords), 'iu')],
];
/** `1. Hafta`, `1-2주차`, `3週目`: the number before its word. */
const suffixPatterns: [TimeUnit, RegExp][] = (['week', 'month', 'day'] as const).map((unit) => [
  unit,
  new RegExp(String.raw`${wordStart}${number}(?:${dash}${number})?\s*(?:${suffixWords[unit]})`, 'iu'),
]);
/** `W1-W3`, `W2`: a capital W right before the number. */
const shortPattern = new RegExp(`${wordStart}W${number}(?:${dash}W?${number})?${wordEnd}`, 'u');
/** `R1D1`, `R2D14`: round and day of a #100DaysOfCode log (capitals, as the challenge writes them); the day counts. */
const roundDayPattern = new RegExp(`${wordStart}R\\d{1,2}D${number}(?:${dash}(?:R\\d{1,2}D)?${number})?${wordEnd}`, 'u');
/** `第1-2周`, `第3周`, `第一至三周`, `第2个月`, `第1-30天`. */
const chineseNumber = String.raw`(\d{1,3}|[零〇一二两三四五六七八九十百]{1,4})`;
const chinesePattern = new RegExp(
  String.raw`第\s*${chineseNumber}\s*(?:(?:[-–—~〜～]|至|到)\s*(?:第\s*)?${chineseNumber}\s*)?(个月|個月|月|周|週|星期|天|日)`,
  'u',
);
const chineseUnits: Record<string, TimeUnit> = {
  个月: 'month',
  個月: 'month',
  月: 'month',
  周: 'week',
  週: 'week',
  星期: 'week',
  天: 'day',
  日: 'day',
};

/** The end of a Latin or Cyrillic word (Chinese words need no space after them). */
const latinEnd = String.raw`(?![\p{Script=Latin}\p{Script=Cyrillic}\p{N}])`;
const ongoingWords = `(?:${alternatives(ongoingPhrases)})`;
/** `(Ongoing)`, `（持续）`, `— Continuous`, `: throughout`, or a heading that starts with `Ongoing`, `Continuous`, `Laufend`… */
const ongoingPattern = new RegExp(
  [
    String.raw`[(（]\s*${ongoingWords}${latinEnd}[^)）]*[)）]`,
    String.raw`[:：—–-]\s*${ongoingWords}${latinEnd}\s*$`,
    String.raw`^\s*(?:${alternatives(ongoingStarts)})${wordEnd}`,
  ].join('|'),
  'iu',
);

/**
 * Find a week notation such as `Weeks 1-3`, `Week 4`, `W1-W3`, `Months 2-3`,
 * `Days 1–30`, `Semanas 1 a 3`, `Wochen 4 bis 6`, `Недели 3-4`, `第1-2周` or
 * `Ongoing` in a heading; months and days are converted to weeks (day d is in
 * week ⌈d/7⌉). Returns `null` when there is none. A reversed range
 * (`Weeks 5-3`) is returned as written; callers report it.
 */
export function parseWeekRange(text: string, options: WeekRangeOptions = {}): WeekNotation | null {
  const { found, ongoing } = readText(text);
  if (found) {
    const written = { start: found.start, end: found.end };
    return {
      weeks: toWeeks(found.unit, written, options.weeksPerMonth ?? defaultWeeksPerMonth),
      ongoing: false,
      index: found.index,
      length: found.length,
      unit: found.unit,
      written,
    };
  }
  if (ongoing) return { weeks: null, ongoing: true, index: ongoing.index, length: ongoing.length, unit: null, written: null };
  return null;
}

/** A range written in `unit`, in weeks. */
export function toWeeks(unit: TimeUnit, range: WeekRange, weeksPerMonth = defaultWeeksPerMonth): WeekRange {
  if (unit === 'month') return { start: (range.start - 1) * weeksPerMonth + 1, end: range.end * weeksPerMonth };
  if (unit === 'day') return { start: Math.ceil(range.start / 7), end: Math.ceil(range.end / 7) };
  return range;
}

interface Found {
  unit: TimeUnit;
  start: number;
  end: number;
  index: number;
  length: number;
}

/** What a text says about time, before units are converted: its first notation, else where it says "ongoing". */
interface Reading {
  found: Found | null;
  ongoing: { index: number; length: number } | null;
}

/**
 * Every numeric notation has a digit or a Chinese numeral in it: text
 * without one (most item and heading text) needs none of those patterns.
 */
const numeral = /[\d零〇一二两三四五六七八九十百]/u;

/** Texts already read: the structure, weeks and lint ask about the same headings several times. Shared, never changed. */
const readings = new Map<string, Reading>();

/** Longest text kept in `readings`: headings and item lines are short; a long paragraph is read, not kept (a serve session lives on). */
const longestKept = 1000;

function readText(text: string): Reading {
  let reading = readings.get(text);
  if (reading === undefined) {
    const found = numeral.test(text) ? findNotation(text) : null;
    const ongoing = found ? null : ongoingPattern.exec(text);
    reading = { found, ongoing: ongoing && { index: ongoing.index, length: ongoing[0].length } };
    if (text.length <= longestKept) {
      if (readings.size >= 2000) readings.clear();
      readings.set(text, reading);
    }
  }
  return reading;
}

/** The first notation in the text, whatever its unit. */
function findNotation(text: string): Found | null {
  const candidates: Found[] = [];
  for (const [unit, pattern] of unitPatterns) {
    const match = pattern.exec(text);
    if (match) candidates.push(fromMatch(unit, match, Number));
  }
  for (const [unit, pattern] of suffixPatterns) {
    const match = pattern.exec(text);
    if (match) candidates.push(fromMatch(unit, match, Number));
  }
  const short = shortPattern.exec(text);
  if (short) candidates.push(fromMatch('week', short, Number));
  const roundDay = roundDayPattern.exec(text);
  if (roundDay) candidates.push(fromMatch('day', roundDay, Number));
  const chinese = chinesePattern.exec(text);
  if (chinese) {
    const parsed = fromMatch(chineseUnits[chinese[3]!]!, chinese, readChineseNumber);
    if (Number.isFinite(parsed.start) && Number.isFinite(parsed.end)) candidates.push(parsed);
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0] ?? null;
}

function fromMatch(unit: TimeUnit, match: RegExpExecArray, read: (digits: string) => number): Found {
  const start = read(match[1]!);
  const end = match[2] === undefined ? start : read(match[2]);
  return { unit, start, end, index: match.index, length: match[0].length };
}

/**
 * The heading without its date notation: `Phase 1: Fundamentals (Weeks 1-3)`
 * → `Phase 1: Fundamentals`; `Basics — Weeks 1-2` → `Basics`. A notation that
 * is the heading's subject (`Week 3: Traits`) stays.
 */
export function stripWeekRange(text: string, notation: WeekNotation): string {
  const before = text.slice(0, notation.index);
  const after = text.slice(notation.index + notation.length);
  if (/[(（]/u.test(text.charAt(notation.index))) return tidy(before + after) || text;
  const open = Math.max(before.lastIndexOf('('), before.lastIndexOf('（'));
  const close = after.search(/[)）]/u);
  if (open !== -1 && close !== -1 && !/[)）]/u.test(before.slice(open))) {
    // Keep whatever else the parenthesis says: `Basics (Weeks 1-3, part-time)` → `Basics (part-time)`.
    const rest = tidy(`${before.slice(open + 1)} ${after.slice(0, close)}`).replace(/^[,，;:：—–-]\s*/u, '');
    const [left, right] = before.charAt(open) === '（' ? ['（', '）'] : [' (', ')'];
    return tidy(`${before.slice(0, open)}${rest ? `${left}${rest}${right}` : ''}${after.slice(close + 1)}`) || text;
  }
  if (after.trim() === '') return tidy(before) || text;
  return text;
}

/** Collapse white space and drop a dangling separator at the end. */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[:：,，;—–-]$/u, '');
}

/** A length of time (`(2 weeks)`, `~3 months`, `— 10 days`), in its unit. */
export interface Duration {
  unit: TimeUnit;
  count: number;
}

const durationPattern = new RegExp(
  String.raw`(?:[(（~≈]|[—–:-]\s)\s*(?:about\s+|approx\.?\s+|ca\.?\s+)?(\d{1,3})(?:\s*[-–]\s*\d{1,3})?\+?\s*(${[
    weekWords,
    monthWords,
    dayWords,
  ]
    .map((words) => words.join('|'))
    .join('|')})${wordEnd}`,
  'iu',
);

/** A duration written in parentheses or after `~` or a dash: `Basics (2 weeks)`, `Projects ~3 months`; `null` when there is none. */
export function parseDuration(text: string): Duration | null {
  if (!/\d/.test(text)) return null;
  const match = durationPattern.exec(text);
  if (!match) return null;
  const word = match[2]!;
  const unit: TimeUnit = unitPatternsOnly('month', word) ? 'month' : unitPatternsOnly('day', word) ? 'day' : 'week';
  return { unit, count: Number(match[1]) };
}

function unitPatternsOnly(unit: 'month' | 'day', word: string): boolean {
  const words = unit === 'month' ? monthWords : dayWords;
  return new RegExp(`^(?:${words.join('|')})$`, 'iu').test(word);
}
