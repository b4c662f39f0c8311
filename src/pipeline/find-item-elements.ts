import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * The id prefix the sanitizer gives every `id` of the document tree (GitHub's
 * schema, against clobbering the page's own ids): an item's element is
 * `user-content-` + its id.
 */
export const itemIdPrefix = 'user-content-';

/** The element (`li`, or a table row's text cell) of every item in a document tree, by item id. */
export function findItemElements(tree: Root): ItemElements {
  const found: ItemElements = new Map();
  visit(tree, 'element', (node) => {
    const id = node.properties.id;
    if (
      typeof id === 'string' &&
      id.startsWith(itemIdPrefix) &&
      (node.tagName === 'li' || node.tagName === 'td' || node.tagName === 'th')
    ) {
      found.set(id.slice(itemIdPrefix.length), node);
    }
  });
  return found;
}

/** Each item's element in a document tree, by item id. */
export type ItemElements = Map<string, Element>;

/** `true` when an item's own content (not its nested items') holds an `<img>`. */
export function hasImage(element: Element): boolean {
  let found = false;
  visit(element, 'element', (node) => {
    if (node !== element && isList(node)) return SKIP;
    if (node.tagName === 'img') found = true;
    return found ? false : undefined;
  });
  return found;
}

/** A copy of an item's element to change, without its nested items (they have elements of their own). */
export function copyItemElement(element: Element): Element {
  return { ...element, children: structuredClone(element.children.filter((child) => !(child.type === 'element' && isList(child)))) };
}

function isList(node: Element): boolean {
  return node.tagName === 'ul' || node.tagName === 'ol';
}
