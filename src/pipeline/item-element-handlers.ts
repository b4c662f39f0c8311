import type { Element, ElementContent } from 'hast';
import { defaultHandlers, type Handlers } from 'mdast-util-to-hast';

/**
 * mdast-util-to-hast's own list item and table row handlers, plus the id of
 * the checklist item the node was made into (`data.roadmapItem`, named by
 * `remark-checklist-items`): on the `<li>`, or on the row's text cell. The
 * same tree as an `hProperties.id` would give, without its deep copy for
 * every item (`applyData` clones `hProperties`).
 */
export const itemElementHandlers: Pick<Handlers, 'listItem' | 'tableRow'> = {
  listItem(state, node, parent) {
    const element = defaultHandlers.listItem(state, node, parent);
    const item = node.data?.roadmapItem;
    if (item) element.properties.id = item.id;
    return element;
  },
  tableRow(state, node, parent) {
    const element = defaultHandlers.tableRow(state, node, parent);
    const item = node.data?.roadmapItem;
    const index = node.data?.textCell ?? 0;
    // A cell the row does not have in Markdown (the table's other rows are wider) gets no id.
    if (item && node.children[index]) {
      const cell = element.children.filter(isElement)[index];
      if (cell) cell.properties.id = item.id;
    }
    return element;
  },
};

function isElement(node: ElementContent): node is Element {
  return node.type === 'element';
}
