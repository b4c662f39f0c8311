import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { lintRules } from '../lint/lint-rules.js';

/**
 * Check the enriched roadmap for inconsistencies (overlapping phases, gaps,
 * empty phases, duplicate items, dates that could not be read). Each finding
 * is a positioned message with the rule's id; nothing here is fatal.
 */
const remarkRoadmapLint: Plugin<[], Root> = () => (_tree, file) => {
  const roadmap = file.data.roadmap;
  if (!roadmap) return;
  for (const rule of lintRules) {
    rule.check(roadmap, (severity, reason, line) => {
      const options = { place: { line, column: 1 }, ruleId: rule.id, source: 'roadmap-press' };
      if (severity === 'info') file.info(reason, options);
      else file.message(reason, options).fatal = severity === 'error';
    });
  }
};

export default remarkRoadmapLint;
