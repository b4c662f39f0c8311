import { describeWeeks, type LintRule } from './lint-rule.js';

/** A phase planned for some weeks without a single item to do in them. */
export const emptyPhase: LintRule = {
  id: 'empty-phase',
  check(roadmap, report) {
    for (const phase of roadmap.phases) {
      if (!phase.weeks || phase.topics.some((topic) => topic.items.length > 0)) continue;
      report(
        'warning',
        `Unexpected empty phase \`${phase.title}\`, expected items for ${describeWeeks(phase.weeks.start, phase.weeks.end)}`,
        phase.line,
      );
    }
  },
};
