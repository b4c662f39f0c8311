import { describe, expect, it } from 'vitest';
import type { WeekRange } from '../src/model/roadmap.js';
import { distributeWeeks } from '../src/pipeline/distribute-weeks.js';

/** Every (count, range) pair with up to 40 items over up to 20 weeks, at a few starting weeks. */
const cases: [count: number, range: WeekRange][] = [];
for (const start of [1, 4, 15]) {
  for (let span = 1; span <= 20; span += 1) {
    for (let count = 0; count <= 40; count += 1) cases.push([count, { start, end: start + span - 1 }]);
  }
}

/** How many items fall in each week of the range, zero-load weeks included. */
function weekLoads(weeks: number[], range: WeekRange): number[] {
  const loads = new Array<number>(range.end - range.start + 1).fill(0);
  for (const week of weeks) loads[week - range.start] = (loads[week - range.start] ?? 0) + 1;
  return loads;
}

describe('distributeWeeks', () => {
  it('gives the documented weeks for a few small cases', () => {
    expect(distributeWeeks(0, { start: 1, end: 3 })).toEqual([]);
    expect(distributeWeeks(1, { start: 4, end: 4 })).toEqual([4]);
    expect(distributeWeeks(2, { start: 1, end: 5 })).toEqual([1, 3]);
    expect(distributeWeeks(7, { start: 6, end: 8 })).toEqual([6, 6, 6, 7, 7, 8, 8]);
    expect(distributeWeeks(15, { start: 1, end: 3 })).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3]);
  });

  it(`holds its properties for ${cases.length} (count, range) pairs`, () => {
    for (const [count, range] of cases) {
      const label = `${count} items over weeks ${range.start}-${range.end}`;
      const weeks = distributeWeeks(count, range);
      const span = range.end - range.start + 1;

      expect(weeks, label).toHaveLength(count);
      for (const [index, week] of weeks.entries()) {
        expect(Number.isInteger(week), label).toBe(true);
        expect(week, label).toBeGreaterThanOrEqual(range.start);
        expect(week, label).toBeLessThanOrEqual(range.end);
        if (index > 0) expect(week, label).toBeGreaterThanOrEqual(weeks[index - 1]!);
      }

      const loads = weekLoads(weeks, range);
      expect(Math.max(...loads) - Math.min(...loads), label).toBeLessThanOrEqual(1);
      if (count >= span) expect(new Set(weeks).size, label).toBe(span);
      if (count > 0) expect(weeks[0], label).toBe(range.start);
    }
  });

  it('is deterministic', () => {
    for (const [count, range] of cases) {
      expect(distributeWeeks(count, range)).toEqual(distributeWeeks(count, { ...range }));
    }
  });
});
