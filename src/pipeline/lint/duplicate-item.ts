import type { RoadmapItem } from '../../model/roadmap.js';
import type { LintRule } from './lint-rule.js';
import { collapseSpace } from '../collapse-space.js';

/** The same item twice in one phase (sub-items included; case and spacing ignored). */
export const duplicateItem: LintRule = {
  id: 'duplicate-item',
  check(roadmap, report) {
    for (const phase of roadmap.phases) {
      const seen = new Map<string, number>();
      const stack: RoadmapItem[] = phase.topics.flatMap((topic) => topic.items).reverse();
      // An explicit stack, not recursion: nesting depth is whatever the author wrote.
      for (let item = stack.pop(); item; item = stack.pop()) {
        stack.push(...[...item.children].reverse());
        const key = collapseSpace(item.text.toLowerCase());
        if (key === '') continue;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, item.line);
        else report('warning', `Unexpected duplicate item \`${item.text}\` in \`${phase.title}\`, first on line ${first}`, item.line);
      }
    }
  },
};
