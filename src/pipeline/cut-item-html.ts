import type { Element, ElementContent, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { readTick } from './read-tick.js';

/**
 * An item's inline HTML, cut from its element in the (sanitized) document
 * tree: a list item's paragraphs and headings as their inline content joined
 * by a space, other blocks as their text, nested lists and the GFM checkbox
 * left out; a table cell's content without the tick typed at its start.
 *
 * Serialised with `hast-util-to-html` (what `rehype-stringify` wraps): these
 * are fragments cut from the document, which itself is never written.
 */
export function cutItemHtml(element: Element, { trim = true }: { trim?: boolean } = {}): string {
  const html = toHtml(element.tagName === 'li' ? listItemContent(element) : cellContent(element));
  return trim ? html.trim() : html;
}

/** The inline content of an `li` as `remark-rehype` lays it out (tight: paragraphs unwrapped, `\n` between blocks). */
function listItemContent(li: Element): ElementContent[] {
  const out: ElementContent[] = [];
  let run: ElementContent[] = [];
  const add = (content: ElementContent[]) => {
    if (content.length === 0) return;
    if (out.length > 0) out.push({ type: 'text', value: ' ' });
    out.push(...content);
  };
  const flush = () => {
    add(run);
    run = [];
  };
  const children = li.children;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type === 'element' && child.tagName === 'input' && child.properties.type === 'checkbox' && index === 0) {
      // The task checkbox, and the space after it.
      const next = children[index + 1];
      if (next?.type === 'text' && next.value === ' ') index++;
      continue;
    }
    const previous = children[index - 1];
    if (child.type === 'text' && child.value === '\n' && !(previous?.type === 'element' && previous.tagName === 'br')) {
      flush();
      continue;
    }
    if (child.type !== 'element' || !blockNames.has(child.tagName)) {
      run.push(child);
      continue;
    }
    flush();
    if (child.tagName === 'ul' || child.tagName === 'ol') continue;
    if (child.tagName === 'p' || /^h[1-6]$/.test(child.tagName)) {
      add(paragraphContent(child));
    } else {
      add([{ type: 'text', value: toString(child).replace(/\n$/, '') }]);
    }
  }
  flush();
  return out;
}

/** A loose task item's first paragraph starts with the checkbox too. */
function paragraphContent(paragraph: Element): ElementContent[] {
  const [first, second, ...rest] = paragraph.children;
  if (first?.type === 'element' && first.tagName === 'input')
    return second?.type === 'text' && second.value === ' ' ? rest : [second!, ...rest].filter(Boolean);
  return paragraph.children;
}

/** A table row's text cell: its content, less a `[x] ` the author typed as the checkbox. */
function cellContent(cell: Element): ElementContent[] {
  const [first, ...rest] = cell.children;
  if (first?.type !== 'text') return cell.children;
  const lead: Text = { ...first, value: stripTick(first.value) };
  return [lead, ...rest];
}

/** A row's text without the tick typed at its start (`[x] `, `[✓] `, `✅ `). */
export function stripTick(text: string): string {
  const gfm = /^\s*\[[ xX~-]\]\s*/.exec(text);
  if (gfm) return text.slice(gfm[0].length);
  const tick = readTick(text.trimStart());
  return tick && !('unknown' in tick) ? text.trimStart().slice(tick.length) : text;
}

/** Elements `remark-rehype` makes of mdast blocks inside a list item. */
const blockNames = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'pre',
  'blockquote',
  'table',
  'hr',
  'div',
  'section',
  'dl',
]);
