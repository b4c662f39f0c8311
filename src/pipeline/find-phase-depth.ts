import { isCheckpointHeading, isLookBack, isPhaseByWords, isPhaseHeading } from './classify-heading.js';
import { parseDuration, parseWeekRange } from './parse-week-range.js';
import { readHeadingDate } from './read-heading-date.js';

/** A heading as the structure sees it: its level and the text that carries its time (its own, or a notation right under it). */
export interface HeadingFacts {
  depth: number;
  text: string;
}

/** What a heading's text says about time. */
export type HeadingTime = 'range' | 'day' | 'none';

/**
 * `range`: a week or month notation, a day range or a duration (a phase's
 * time); `day`: one day (`Day 3`, `Jour 0`) or one date (`2025-07-01`), an
 * entry of a daily log, never a phase; `none`, also for a look back at a
 * time (`Week 1 Summary`).
 */
export function readHeadingTime(text: string): HeadingTime {
  // The structure asks several times per heading; the answer depends on the text alone.
  let time = timeCache.get(text);
  if (time === undefined) {
    if (timeCache.size >= 2000) timeCache.clear();
    time = readTime(text);
    timeCache.set(text, time);
  }
  return time;
}

const timeCache = new Map<string, HeadingTime>();

function readTime(text: string): HeadingTime {
  if (isLookBack(text)) return 'none';
  const notation = parseWeekRange(text);
  if (notation?.unit === 'day' && notation.written && notation.written.start === notation.written.end) return 'day';
  if (notation?.weeks) return 'range';
  if (readHeadingDate(text) !== null) return 'day';
  if (notation?.ongoing) return 'none';
  return parseDuration(text) ? 'range' : 'none';
}

/**
 * The heading level of the phases: the shallowest level where headings carry
 * a time notation (two or more if some level has two), unless most of those
 * headings sit under numbered phases one level up (`## Phase 2` over
 * `### Week 5`), which are then the phases; without any time, the shallowest
 * level naming numbered phases; else 2.
 */
export function findPhaseDepth(headings: readonly HeadingFacts[]): number {
  const timed = headings.map((heading) => readHeadingTime(heading.text) === 'range');
  const worded = headings.map((heading) => isPhaseByWords(heading.text));
  const depths = (flags: boolean[]) => headings.filter((_, index) => flags[index]).map((heading) => heading.depth);
  const timedDepths = depths(timed);
  const countAt = (depth: number) => timedDepths.filter((d) => d === depth).length;
  const repeated = timedDepths.filter((depth) => countAt(depth) >= 2);
  const shallowest = repeated.length > 0 ? Math.min(...repeated) : timedDepths.length > 0 ? Math.min(...timedDepths) : null;
  if (shallowest === null) {
    const wordDepths = depths(worded);
    return wordDepths.length > 0 ? Math.min(...wordDepths) : 2;
  }
  const level = deeperPlan(headings, timed, worded, shallowest) ?? shallowest;
  // The phase-like heading (numbered or dated, not a checkpoint) each timed heading of `level` sits under, if any.
  const open = new Map<number, number>();
  const underDepths: number[] = [];
  let total = 0;
  headings.forEach((heading, index) => {
    for (const [depth] of open) if (depth >= heading.depth) open.delete(depth);
    if (heading.depth === level && timed[index]) {
      total += 1;
      const parents = [...open.entries()].filter(
        ([depth, parent]) =>
          depth < level &&
          (timed[parent] ? covers(headings[parent]!.text, heading.text) : worded[parent]) &&
          !isCheckpointHeading(headings[parent]!.text, false),
      );
      if (parents.length > 0) underDepths.push(Math.min(...parents.map(([depth]) => depth)));
    }
    open.set(heading.depth, index);
  });
  if (underDepths.length * 2 > total) return Math.min(...underDepths);
  return level;
}

/**
 * A deeper level that is the plan, when the timed headings of `level` are
 * asides beside it: none of them names a numbered phase or holds a timed or
 * numbered heading, and a deeper level has more headings that are timed or
 * numbered phases outside them, two at least (`## Short-term goals (1 month)`
 * and `## Long-term goals (3 months)` after `## Phases` › `### Phase 1: Basics
 * (4-6 weeks)` … `### Phase 3`). Else `null`.
 */
function deeperPlan(
  headings: readonly HeadingFacts[],
  timed: readonly boolean[],
  worded: readonly boolean[],
  level: number,
): number | null {
  const outside = new Map<number, number>();
  let count = 0;
  let inTimed = false;
  for (const [index, heading] of headings.entries()) {
    if (heading.depth <= level) {
      inTimed = heading.depth === level && timed[index]!;
      if (inTimed && worded[index]) return null;
      if (inTimed) count += 1;
    } else if (timed[index] || worded[index]) {
      if (inTimed) return null;
      outside.set(heading.depth, (outside.get(heading.depth) ?? 0) + 1);
    }
  }
  const deeper = [...outside].filter(([, found]) => found >= 2 && found > count).map(([depth]) => depth);
  return deeper.length > 0 ? Math.min(...deeper) : null;
}

export { isPhaseHeading };

/** `true` when the weeks `outer` names contain those `inner` names (`Weeks 1-4` › `Week 2`). */
function covers(outer: string, inner: string): boolean {
  const a = parseWeekRange(outer)?.weeks;
  const b = parseWeekRange(inner)?.weeks;
  return !!a && !!b && a.start <= b.start && b.end <= a.end;
}
