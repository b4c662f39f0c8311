import { describeWeeks, type LintRule } from './lint-rule.js';

/** Two phases planned for the same weeks: a warning at each of the two headings, naming the other. */
export const phaseOverlap: LintRule = {
  id: 'phase-overlap',
  check(roadmap, report) {
    const dated = roadmap.phases.filter((phase) => phase.weeks && !phase.weeksAssumed);
    dated.forEach((first, index) => {
      for (const second of dated.slice(index + 1)) {
        const start = Math.max(first.weeks!.start, second.weeks!.start);
        const end = Math.min(first.weeks!.end, second.weeks!.end);
        if (start > end) continue;
        const weeks = describeWeeks(start, end);
        report('warning', `Unexpected overlap of ${weeks} with \`${second.title}\` (line ${second.line}), expected phases to follow each other`, first.line);
        report('warning', `Unexpected overlap of ${weeks} with \`${first.title}\` (line ${first.line}), expected phases to follow each other`, second.line);
      }
    });
  },
};
