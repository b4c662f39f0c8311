import { describeWeeks, type LintRule } from './lint-rule.js';

/**
 * Two phases planned for the same weeks: a warning at each of the two
 * headings, naming the other. Each phase is paired with the first earlier
 * phase it overlaps, so a roadmap that repeats its phases gets a warning per
 * repeat, not one per pair of phases.
 */
export const phaseOverlap: LintRule = {
  id: 'phase-overlap',
  check(roadmap, report) {
    const dated = roadmap.phases.filter((phase) => phase.weeks && !phase.weeksAssumed);
    dated.forEach((second, index) => {
      for (const first of dated.slice(0, index)) {
        // Phases written in days follow each other by day (`Days 1-30`, `Days 31-60` share week 5, not a day).
        if (first.days && second.days && Math.max(first.days.start, second.days.start) > Math.min(first.days.end, second.days.end))
          continue;
        const start = Math.max(first.weeks!.start, second.weeks!.start);
        const end = Math.min(first.weeks!.end, second.weeks!.end);
        if (start > end) continue;
        const weeks = describeWeeks(start, end);
        report(
          'warning',
          `Unexpected overlap of ${weeks} with \`${second.title}\` (line ${second.line}), expected phases to follow each other`,
          first.line,
        );
        report(
          'warning',
          `Unexpected overlap of ${weeks} with \`${first.title}\` (line ${first.line}), expected phases to follow each other`,
          second.line,
        );
        break;
      }
    });
  },
};
