import type { ListItem, Root } from 'mdast';
import type { Plugin } from 'unified';
import type { RoadmapItem, RoadmapPhase, RoadmapSection } from '../../model/roadmap.js';
import { createIdRegistry, slugify } from '../../shared/create-item-id.js';

/**
 * Make every list item a checklist item: a stable, readable, unique id built
 * from its phase (or section) and its own text, so editing one item renames no
 * other; `checked` from GFM task syntax (`- [x]`), `state` also from `[~]` /
 * `[-]` (in progress). The id also lands on the list item's element (or a
 * table row's text cell) when the tree becomes hast (`item-element-handlers.ts`):
 * its HTML is cut from the document tree later (`rehype-item-html.ts`).
 */
const remarkChecklistItems: Plugin<[], Root> = () => (_tree, file) => {
  const roadmap = file.data.roadmap;
  if (!roadmap) return;
  // The structure lists the nodes it made items from: no walk over the tree to find them again.
  for (const node of new Set(file.data.itemNodes)) {
    const item = node.data?.roadmapItem;
    if (!item) continue;
    if (node.type === 'listItem') {
      item.checked = node.checked === true;
      item.state = item.checked ? 'done' : takeDoingMarker(node) ? 'doing' : 'todo';
      if (item.state === 'doing') item.text = item.text.replace(doingMarker, '');
    } else {
      item.state = item.checked ? 'done' : doingMarker.test(item.text) ? 'doing' : 'todo';
      item.text = item.text.replace(doingMarker, '');
    }
  }

  const uniqueId = createIdRegistry();
  const groups: (RoadmapPhase | RoadmapSection)[] = [...roadmap.phases, ...roadmap.sections].sort((a, b) => a.line - b.line);
  for (const group of groups) {
    group.id = uniqueId(group.title ? slugify(group.title, 32) || 'part' : 'intro');
    for (const topic of group.topics) {
      // `--topic` keeps topic ids apart from item ids, which are `group--item-text`.
      topic.id = uniqueId(`${group.id}--topic${topic.title ? `-${slugify(topic.title, 32)}` : ''}`.replace(/-$/, ''));
      for (const item of topic.items) nameItem(item, group.id);
    }
  }

  function nameItem(item: RoadmapItem, prefix: string) {
    item.id = uniqueId(`${prefix}--${slugify(item.text) || 'item'}`);
    for (const child of item.children) nameItem(child, item.id);
  }
};

export default remarkChecklistItems;

/** `[~]` or `[-]` at an item's start: in progress (GFM knows only `[ ]` and `[x]`). */
const doingMarker = /^\[[~-]\][ \t]+/;

/** Remove a leading `[~] ` / `[-] ` from a list item's first text, saying whether there was one. */
function takeDoingMarker(node: ListItem): boolean {
  if (node.checked !== null && node.checked !== undefined) return false;
  const first = node.children[0];
  const text = first?.type === 'paragraph' ? first.children[0] : undefined;
  if (text?.type !== 'text' || !doingMarker.test(text.value)) return false;
  text.value = text.value.replace(doingMarker, '');
  return true;
}
