import type { Root } from 'hast';
import type { Plugin } from 'unified';
import type { RoadmapItem } from '../../model/roadmap.js';
import { cutItemHtml } from '../cut-item-html.js';
import { findItemElements } from '../find-item-elements.js';

/**
 * Give every item of the model its inline HTML, cut from its element in the
 * sanitized document tree (found by the id `remark-checklist-items` put on it).
 */
const rehypeItemHtml: Plugin<[], Root> = () => (tree, file) => {
  const roadmap = file.data.roadmap;
  if (!roadmap) return;
  const elements = findItemElements(tree);
  const fill = (item: RoadmapItem) => {
    const element = elements.get(item.id);
    if (element) item.html = cutItemHtml(element);
    for (const child of item.children) fill(child);
  };
  for (const group of [...roadmap.phases, ...roadmap.sections]) {
    for (const topic of group.topics) for (const item of topic.items) fill(item);
  }
};

export default rehypeItemHtml;
