import type { Element, ElementContent } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { Diagnostic } from '../model/roadmap.js';
import { cutItemHtml } from '../pipeline/cut-item-html.js';
import { copyItemElement, type ItemElements } from '../pipeline/find-item-elements.js';
import type { ViewItem, ViewModel } from '../view/to-view-model.js';
import { withParts } from '../view/with-parts.js';

/** Hosts that serve only status badges (build passing, version, licence…). */
const badgeHosts =
  /(^|\.)(shields\.io|badgen\.net|badge\.fury\.io|codecov\.io|coveralls\.io|travis-ci\.(org|com)|circleci\.com|deepscan\.io|snyk\.io|codeclimate\.com|sonarcloud\.io|app\.netlify\.com|readthedocs\.org|pepy\.tech|badges\.gitter\.im)$/i;

/**
 * A status badge: an image from a badge service, or whose path names a badge
 * (`…/badge.svg`, `…/badge/…`, GitHub's `…/workflows/…/badge.svg`).
 */
export function isBadge(src: string): boolean {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  return badgeHosts.test(url.hostname) || /(^|[/_.-])badges?([/_.-]|$)/i.test(url.pathname);
}

/**
 * Make remote (`http(s):`) images printable without the network: a badge
 * becomes nothing (a link left with no content goes too), any other remote
 * image its alt text. The printed page, offline, would show each as a
 * broken-image icon. One warning per roadmap, at the first such image's line,
 * says how many there were. A step on the document tree: each item's element
 * (`elements`: those holding images) is copied, changed and its HTML cut again; the copies are
 * returned for the next step. Pure.
 */
export function replaceRemoteImages(
  view: ViewModel,
  elements: ItemElements,
): { view: ViewModel; elements: ItemElements; diagnostic: Diagnostic | null } {
  const found: { src: string; line: number }[] = [];
  const replaced: ItemElements = new Map(elements);

  function replaceInItem(item: ViewItem): ViewItem {
    const children = item.children.map(replaceInItem);
    const element = elements.get(item.id);
    if (!element) return children.every((child, index) => child === item.children[index]) ? item : { ...item, children };
    const tree = copyItemElement(element);
    let changed = false;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return undefined;
      const src = String(node.properties.src ?? '');
      if (!/^https?:/i.test(src)) return undefined;
      found.push({ src, line: item.line });
      changed = true;
      const alt = String(node.properties.alt ?? '');
      const replacement: ElementContent[] = isBadge(src) || alt === '' ? [] : [{ type: 'text', value: alt }];
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
    if (!changed) return { ...item, children };
    dropEmptyLinks(tree);
    replaced.set(item.id, tree);
    return { ...item, html: cutItemHtml(tree), children };
  }

  const parts = view.parts.map((part) => ({
    ...part,
    topics: part.topics.map((topic) => ({ ...topic, items: topic.items.map(replaceInItem) })),
  }));
  const first = found[0];
  const diagnostic: Diagnostic | null = first
    ? {
        severity: 'warning',
        message: `Unexpected remote image ${first.src}${found.length > 1 ? ` (and ${found.length - 1} more)` : ''}, expected an image file inside the roadmap's folder: printed as its alt text (a badge as nothing), since printing is offline`,
        line: first.line,
        column: null,
        rule: 'remote-image',
      }
    : null;
  if (!first) return { view, elements, diagnostic };
  return {
    view: withParts(view, parts),
    elements: replaced,
    diagnostic,
  };
}

/** Remove links whose only content was a dropped badge: they would print as nothing clickable. */
function dropEmptyLinks(tree: Element) {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a' || !parent || index === undefined) return undefined;
    let empty = true;
    visit(node, (inner) => {
      if ((inner.type === 'text' && inner.value.trim() !== '') || (inner.type === 'element' && inner.tagName === 'img')) empty = false;
    });
    if (!empty) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}
