import type { Element } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { cutItemHtml } from '../pipeline/cut-item-html.js';
import { copyItemElement, type ItemElements } from '../pipeline/find-item-elements.js';
import type { ViewItem, ViewModel } from './to-view-model.js';
import { withParts } from './with-parts.js';
import { cleanUrl, compactUrl } from './compact-url.js';
import type { LinkList } from '../model/paper-options.js';

/** One listed link: its number (the mark after the link in the item), its URL, and how it prints. */
export interface LinkNote {
  number: number;
  url: string;
  /** The URL as a reader types it (see `compactUrl`). */
  display: string;
  /** An SVG QR code of the URL (`--links qr`), else `null`. */
  qr: string | null;
}

/** The notes a checklist lists: per part id (`linkList: phase`), at the end (`linkList: end`), and all of them in order. */
export interface LinkNotes {
  byPart: Record<string, LinkNote[]>;
  end: LinkNote[];
  all: LinkNote[];
}

/** No link is listed (the HTML handout, `--links none`). */
export const noLinkNotes: LinkNotes = { byPart: {}, end: [], all: [] };

/** The items' elements as the steps before left them, and which of them keep the space at the ends of their HTML. */
export interface LinkElements {
  /** The element of every item with a link (`findLinkItems`), as the image steps changed it. */
  elements: ItemElements;
  /** Items whose HTML was cut untrimmed (`resolveImages`): cut so again. */
  untrimmed: ReadonlySet<string>;
}

/**
 * Number every `http(s):` link of the items, in document order: the link
 * stays (clickable in the PDF), a small mark after it links to its note, and
 * each phase (or the document's end) gets the list of its notes. A URL
 * repeated in the same list (tracking parameters and a final `/` aside)
 * keeps its number; a link whose text is already
 * its URL gets no note. A step on the document tree: an item's element is
 * copied, marked and its HTML cut again. Pure.
 */
export function numberLinks(view: ViewModel, list: LinkList, { elements, untrimmed }: LinkElements): { view: ViewModel; notes: LinkNotes } {
  const all: LinkNote[] = [];
  const byPart: Record<string, LinkNote[]> = {};
  const atEnd = new Map<string, LinkNote>();

  const parts = view.parts.map((part) => {
    const inPart = new Map<string, LinkNote>();
    const noteFor = (href: string): LinkNote => {
      const scope = list === 'end' ? atEnd : inPart;
      const url = cleanUrl(href);
      // `…/book/` and `…/book?utm_source=x` are the same page: one note.
      const key = url.replace(/\/(?=$|[?#])/, '');
      let note = scope.get(key);
      if (!note) {
        note = { number: all.length + 1, url, display: compactUrl(url), qr: null };
        scope.set(key, note);
        all.push(note);
      }
      return note;
    };
    const markItem = (item: ViewItem): ViewItem => {
      const element = elements.get(item.id);
      const marked = element ? markLinks(element, noteFor) : null;
      const html = marked ? cutItemHtml(marked, { trim: !untrimmed.has(item.id) }) : item.html;
      const children = item.children.map(markItem);
      return html === item.html && children.every((child, index) => child === item.children[index]) ? item : { ...item, html, children };
    };
    const topics = part.topics.map((topic) => ({ ...topic, items: topic.items.map(markItem) }));
    if (inPart.size > 0) byPart[part.id] = [...inPart.values()];
    return { ...part, topics };
  });
  if (all.length === 0) return { view, notes: noLinkNotes };
  return {
    view: withParts(view, parts),
    notes: { byPart: list === 'phase' ? byPart : {}, end: list === 'end' ? all : [], all },
  };
}

/** A copy of an item's element with a note mark after each link that needs one, or `null` when none does. */
function markLinks(element: Element, noteFor: (url: string) => LinkNote): Element | null {
  const tree = copyItemElement(element);
  let changed = false;
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a' || !parent || index === undefined) return undefined;
    const href = String(node.properties.href ?? '');
    if (!/^https?:\/\//i.test(href)) return SKIP;
    const text = textOf(node).trim();
    if (text === '' || text === href || text === compactUrl(href) || `https://${text}` === href || `http://${text}` === href) return SKIP;
    const note = noteFor(href);
    const mark: Element = {
      type: 'element',
      tagName: 'sup',
      properties: { className: ['link-ref'] },
      children: [
        {
          type: 'element',
          tagName: 'a',
          properties: { href: `#link-note-${note.number}` },
          children: [{ type: 'text', value: String(note.number) }],
        },
      ],
    };
    parent.children.splice(index + 1, 0, mark);
    changed = true;
    return [SKIP, index + 2];
  });
  return changed ? tree : null;
}

function textOf(node: Element): string {
  let text = '';
  visit(node, 'text', (child) => {
    text += child.value;
  });
  return text;
}
