import type { Element, ElementContent, RootContent as HastContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { BlockContent, ListItem, PhrasingContent } from 'mdast';

/** Elements read as what they mean; any other tag (`<T>`, `<u8>`, `<script>`) stays literal text. */
const known = new Set(
  'a abbr b big blockquote br center cite code dd del details dfn div dl dt em font h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q s samp small source span strike strong sub summary sup table tbody td tfoot th thead tr tt u ul var'.split(
    ' ',
  ),
);
const blockTags = new Set(
  'blockquote center dd details div dl dt h1 h2 h3 h4 h5 h6 hr li ol p pre table tbody tfoot thead tr ul'.split(' '),
);

/** The tag names in a piece of HTML, lower-cased: `<p align="center"><img …></p>` → `p`, `img`, `p`. */
function tagNames(html: string): string[] {
  return [...html.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)].map((match) => match[1]!.toLowerCase());
}

/** `true` when every tag in the HTML is a known presentational or structural element. */
export function isKnownHtml(html: string): boolean {
  const names = tagNames(html);
  return names.length > 0 && names.every((name) => known.has(name));
}

/**
 * A block of HTML as Markdown blocks: headings stay headings, `<summary>` is
 * a bold line (a topic title), `<li>` a list item, `<img>` an image (its alt
 * text carries its meaning), paragraphs and divs paragraphs; attributes and
 * presentational wrappers are dropped.
 */
export function htmlToBlocks(html: string): BlockContent[] {
  const root = fromHtml(html, { fragment: true });
  return blocksOf(root.children);
}

/** Inline HTML (`<img …>`, `<br>`, `<b>`) as phrasing content; `null` for a tag that only opens or closes a wrapper. */
export function htmlToPhrasing(html: string): PhrasingContent[] {
  const root = fromHtml(html, { fragment: true });
  return phrasingOf(root.children);
}

function blocksOf(nodes: readonly HastContent[]): BlockContent[] {
  const blocks: BlockContent[] = [];
  let inline: PhrasingContent[] = [];
  const flush = () => {
    // White space between tags is layout, not text.
    while (inline[0]?.type === 'text' && inline[0].value.trim() === '') inline.shift();
    while (inline.at(-1)?.type === 'text' && (inline.at(-1) as { value: string }).value.trim() === '') inline.pop();
    if (inline.length > 0) blocks.push({ type: 'paragraph', children: inline });
    inline = [];
  };
  for (const node of nodes) {
    if (node.type === 'element' && blockTags.has(node.tagName)) {
      flush();
      blocks.push(...blockOf(node));
    } else if (node.type === 'element' || node.type === 'text') {
      inline.push(...phrasingOf([node]));
    }
  }
  flush();
  return blocks;
}

function blockOf(node: Element): BlockContent[] {
  const name = node.tagName;
  if (/^h[1-6]$/.test(name)) {
    return [{ type: 'heading', depth: Number(name[1]) as 1 | 2 | 3 | 4 | 5 | 6, children: phrasingOf(node.children) }];
  }
  if (name === 'ul' || name === 'ol') {
    const items: ListItem[] = node.children
      .filter((child): child is Element => child.type === 'element' && child.tagName === 'li')
      .map((li) => ({ type: 'listItem', spread: false, checked: null, children: blocksOf(li.children) }));
    return items.length > 0 ? [{ type: 'list', ordered: name === 'ol', spread: false, children: items }] : [];
  }
  if (name === 'hr') return [];
  if (name === 'details') return blocksOf(node.children);
  return blocksOf(node.children);
}

function phrasingOf(nodes: readonly (HastContent | ElementContent)[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push({ type: 'text', value: node.value.replace(/\s+/g, ' ') });
    } else if (node.type === 'element') {
      const name = node.tagName;
      if (name === 'img') {
        const src = node.properties.src;
        const alt = node.properties.alt;
        out.push({ type: 'image', url: typeof src === 'string' ? src : '', alt: typeof alt === 'string' ? alt : '' });
      } else if (name === 'br') {
        // The space keeps the words apart in the item's plain text.
        out.push({ type: 'break' }, { type: 'text', value: ' ' });
      } else if (name === 'a' && typeof node.properties.href === 'string') {
        out.push({ type: 'link', url: node.properties.href, children: phrasingOf(node.children) });
      } else if (name === 'b' || name === 'strong' || name === 'summary') {
        out.push({ type: 'strong', children: phrasingOf(node.children) });
      } else if (name === 'i' || name === 'em') {
        out.push({ type: 'emphasis', children: phrasingOf(node.children) });
      } else if (name === 'code' || name === 'kbd' || name === 'tt') {
        out.push({ type: 'inlineCode', value: textOf(node) });
      } else {
        out.push(...phrasingOf(node.children));
      }
    }
  }
  return out;
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}
