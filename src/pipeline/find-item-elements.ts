import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';

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
    const id = itemIdOf(node);
    if (id !== null) found.set(id, node);
  });
  return found;
}

/** The item id an element carries (an `li`, or a table row's text cell), else `null`. */
function itemIdOf(node: Element): string | null {
  const id = node.properties.id;
  if (typeof id !== 'string' || !id.startsWith(itemIdPrefix)) return null;
  return node.tagName === 'li' || node.tagName === 'td' || node.tagName === 'th' ? id.slice(itemIdPrefix.length) : null;
}

/** Each item's element in a document tree, by item id. */
export type ItemElements = Map<string, Element>;

/**
 * The elements of the items whose own content (not a nested item's) holds an
 * `<img>`, by item id: what the image steps change. One walk of the tree.
 */
export function findImageItems(tree: Root): ItemElements {
  const found: ItemElements = new Map();
  visitParents(tree, 'element', (node, ancestors) => {
    if (node.tagName !== 'img') return;
    for (let index = ancestors.length - 1; index >= 0; index--) {
      const ancestor = ancestors[index]!;
      const id = ancestor.type === 'element' ? itemIdOf(ancestor) : null;
      if (id !== null) {
        found.set(id, ancestor as Element);
        return;
      }
    }
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
