import type { ListItem, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Plugin } from 'unified';
import type { RoadmapItem, RoadmapPhase, RoadmapSection } from '../../model/roadmap.js';
import { createIdRegistry, slugify } from '../create-item-id.js';

/**
 * Inline Markdown → sanitized HTML. Images stay `<img>` (http(s) or relative
 * `src` only); at the I/O edge, local ones are embedded and remote ones are
 * blocked while printing (src/site/resolve-images.ts).
 */
const inlineToHtml = unified()
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeStringify)
  .freeze();

/**
 * Make every list item a checklist item: a stable, readable, unique id built
 * from its phase (or section) and its own text, so editing one item renames no
 * other; `checked` from GFM task syntax (`- [x]`); its inline content as
 * sanitized HTML. The id also lands on the list item (`hProperties`).
 */
const remarkChecklistItems: Plugin<[], Root> = function () {
  return function (tree, file) {
    const roadmap = file.data.roadmap;
    if (!roadmap) return;

    visit(tree, 'listItem', (node) => {
      const item = node.data?.roadmapItem;
      if (!item) return;
      item.checked = node.checked === true;
      item.html = toInlineHtml(node);
    });

    visit(tree, 'tableRow', (node) => {
      const item = node.data?.roadmapItem;
      if (!item) return;
      const [first, ...rest] = node.children[0]?.children ?? [];
      // A `[x] ` the author typed in the first cell is the checkbox, not text.
      const lead = first?.type === 'text' ? { ...first, value: first.value.replace(/^\s*\[[ xX]\]\s*/, '') } : first;
      item.html = phrasingToHtml(lead ? [lead, ...rest] : rest);
    });

    const uniqueId = createIdRegistry();
    const groups: (RoadmapPhase | RoadmapSection)[] = [...roadmap.phases, ...roadmap.sections].sort(
      (a, b) => a.line - b.line,
    );
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
};

export default remarkChecklistItems;

function toInlineHtml(node: ListItem): string {
  const phrasing: PhrasingContent[] = [];
  for (const child of node.children) {
    if (child.type === 'list') continue;
    if (phrasing.length > 0) phrasing.push({ type: 'text', value: ' ' });
    if (child.type === 'paragraph' || child.type === 'heading') phrasing.push(...child.children);
    else phrasing.push({ type: 'text', value: toString(child) });
  }
  return phrasingToHtml(phrasing);
}

function phrasingToHtml(phrasing: PhrasingContent[]): string {
  const hast = inlineToHtml.runSync({ type: 'root', children: [{ type: 'paragraph', children: phrasing }] });
  const paragraph = hast.children.find((child) => child.type === 'element');
  return inlineToHtml.stringify({ type: 'root', children: paragraph?.children ?? [] }).trim();
}
