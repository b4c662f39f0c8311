import { describeWeeks, type LintRule } from './lint-rule.js';

/** Weeks between two dated phases that no phase covers: an info at the heading after the gap. */
export const phaseGap: LintRule = {
  id: 'phase-gap',
  check(roadmap, report) {
    const dated = roadmap.phases.filter((phase) => phase.weeks).sort((a, b) => a.weeks!.start - b.weeks!.start || a.line - b.line);
    let covered = dated[0]?.weeks?.end ?? 0;
    for (const phase of dated.slice(1)) {
      const { start, end } = phase.weeks!;
      if (start > covered + 1) {
        const weeks = describeWeeks(covered + 1, start - 1);
        report(
          'info',
          `Unexpected gap: ${weeks} ${start - 1 === covered + 1 ? 'belongs' : 'belong'} to no phase, expected \`${phase.title}\` to start in week ${covered + 1}`,
          phase.line,
        );
      }
      covered = Math.max(covered, end);
    }
  },
};
