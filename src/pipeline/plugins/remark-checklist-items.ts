import type { Element } from 'hast';
import type { Definition, ListItem, PhrasingContent, Root, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { SKIP, visit } from 'unist-util-visit';
import type { Plugin } from 'unified';
import type { RoadmapItem, RoadmapPhase, RoadmapSection } from '../../model/roadmap.js';
import { createIdRegistry, slugify } from '../../shared/create-item-id.js';
import { readTick } from '../read-tick.js';

/**
 * Make every list item a checklist item: a stable, readable, unique id built
 * from its phase (or section) and its own text, so editing one item renames no
 * other; `checked` from GFM task syntax (`- [x]`), `state` also from `[~]` /
 * `[-]` (in progress); its inline content as
 * sanitized HTML. The id also lands on the list item (`hProperties`).
 */
const remarkChecklistItems: Plugin<[], Root> = () => (tree, file) => {
  const roadmap = file.data.roadmap;
  if (!roadmap) return;
  // Reference-style links and images (`![a][r1]`) resolve against the document's definitions.
  const definitions: Definition[] = [];
  visit(tree, 'definition', (node) => {
    definitions.push(node);
  });

  // One walk: list items and table rows sit in block containers, never in phrasing content.
  visit(tree, (node) => {
    if (node.type === 'listItem') {
      const item = node.data?.roadmapItem;
      if (!item) return undefined;
      item.checked = node.checked === true;
      item.state = item.checked ? 'done' : takeDoingMarker(node) ? 'doing' : 'todo';
      if (item.state === 'doing') item.text = item.text.replace(doingMarker, '');
      item.html = toInlineHtml(node, definitions);
    } else if (node.type === 'tableRow') {
      const item = node.data?.roadmapItem;
      if (item) {
        item.state = item.checked ? 'done' : doingMarker.test(item.text) ? 'doing' : 'todo';
        item.text = item.text.replace(doingMarker, '');
        item.html = rowToHtml(node, definitions);
      }
      return SKIP;
    } else if (node.type === 'paragraph' || node.type === 'heading') {
      return SKIP;
    }
    return undefined;
  });

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

function toInlineHtml(node: ListItem, definitions: Definition[]): string {
  const phrasing: PhrasingContent[] = [];
  for (const child of node.children) {
    if (child.type === 'list') continue;
    if (phrasing.length > 0) phrasing.push({ type: 'text', value: ' ' });
    if (child.type === 'paragraph' || child.type === 'heading') phrasing.push(...child.children);
    else phrasing.push({ type: 'text', value: toString(child) });
  }
  return phrasingToHtml(phrasing, definitions);
}

function rowToHtml(row: TableRow, definitions: Definition[]): string {
  const [first, ...rest] = row.children[row.data?.textCell ?? 0]?.children ?? [];
  // A `[x] ` the author typed in the first cell is the checkbox, not text.
  const lead = first?.type === 'text' ? { ...first, value: stripTick(first.value) } : first;
  return phrasingToHtml(lead ? [lead, ...rest] : rest, definitions);
}

/**
 * Inline Markdown → sanitized HTML (GitHub's schema). Images stay `<img>`
 * (http(s) or relative `src` only); at the I/O edge, local ones are embedded
 * and remote ones are blocked while printing (src/site/resolve-images.ts).
 */
function phrasingToHtml(phrasing: PhrasingContent[], definitions: Definition[]): string {
  const root = sanitize(toHast({ type: 'root', children: [{ type: 'paragraph', children: phrasing }, ...definitions] }));
  const paragraph = root.type === 'root' ? root.children.find((child): child is Element => child.type === 'element') : undefined;
  return toHtml(paragraph?.children ?? []).trim();
}

/** A row's text without the tick typed at its start (`[x] `, `[✓] `, `✅ `). */
function stripTick(text: string): string {
  const gfm = /^\s*\[[ xX~-]\]\s*/.exec(text);
  if (gfm) return text.slice(gfm[0].length);
  const tick = readTick(text.trimStart());
  return tick && !('unknown' in tick) ? text.trimStart().slice(tick.length) : text;
}
