import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { RoadmapItem, RoadmapTopic } from '../../model/roadmap.js';

/**
 * Whole-roadmap checks: an empty file is an error; a roadmap without a
 * single checklist item is a warning (it still builds, but prints no boxes).
 */
const remarkRoadmapDiagnostics: Plugin<[], Root> = () => (_tree, file) => {
  const roadmap = file.data.roadmap;
  if (!roadmap) return;
  if (file.toString().trim() === '') {
    file.fail('Unexpected empty file, expected a roadmap: a `# Title` and a list of items', {
      place: { line: 1, column: 1 },
      ruleId: 'empty-file',
      source: 'roadmap-press',
    });
  }
  const topics: RoadmapTopic[] = [...roadmap.phases, ...roadmap.sections].flatMap((group) => group.topics);
  if (countItems(topics.flatMap((topic) => topic.items)) === 0) {
    file.message('No checklist items, expected at least one list item (`- item` or `1. item`)', {
      place: { line: 1, column: 1 },
      ruleId: 'no-items',
      source: 'roadmap-press',
    });
  }
};

export default remarkRoadmapDiagnostics;

function countItems(items: RoadmapItem[]): number {
  return items.reduce((sum, item) => sum + 1 + countItems(item.children), 0);
}
