import type { Element, Root, RootContent } from 'hast';

/**
 * The id prefix the sanitizer gives every `id` of the document tree (GitHub's
 * schema, against clobbering the page's own ids): an item's element is
 * `user-content-` + its id.
 */
export const itemIdPrefix = 'user-content-';

/** Each item's element in a document tree, by item id. */
export type ItemElements = Map<string, Element>;

/** The element (`li`, or a table row's text cell) of every item in a document tree, by item id. */
export function findItemElements(tree: Root): ItemElements {
  const found: ItemElements = new Map();
  walkItems(tree, (node, id) => {
    if (id !== null && node.properties.id === itemIdPrefix + id) found.set(id, node);
  });
  return found;
}

/**
 * The elements of the items whose own content (not a nested item's) holds an
 * `<img>`, by item id: what the image steps change.
 */
export function findImageItems(tree: Root): ItemElements {
  return findItemsHolding(tree, (node) => node.tagName === 'img');
}

/**
 * The elements of the items whose own content holds a link to an `http(s):`
 * URL, by item id: what numbering the links for paper changes.
 */
export function findLinkItems(tree: Root): ItemElements {
  return findItemsHolding(tree, (node) => node.tagName === 'a' && /^https?:\/\//i.test(String(node.properties.href ?? '')));
}

/** The elements of the items whose own content holds an element that passes `test`. */
function findItemsHolding(tree: Root, test: (node: Element) => boolean): ItemElements {
  const found: ItemElements = new Map();
  walkItems(tree, (node, id, item) => {
    if (id !== null && item && test(node)) found.set(id, item);
  });
  return found;
}

/**
 * Visit every element with the id and element of the item it is in (itself
 * included). An explicit stack, not unist-util-visit: profiled on the seed
 * roadmap, `visit` over the whole document took 0.33 ms per walk against
 * 0.015 ms, about a tenth of the pipeline's time after parsing.
 */
function walkItems(tree: Root, enter: (node: Element, id: string | null, item: Element | null) => void): void {
  const stack: [Root | RootContent, string | null, Element | null][] = [[tree, null, null]];
  while (stack.length > 0) {
    const [node, outerId, outerItem] = stack.pop()!;
    let id = outerId;
    let item = outerItem;
    if (node.type === 'element') {
      const own = itemIdOf(node);
      if (own !== null) {
        id = own;
        item = node;
      }
      enter(node, id, item);
    }
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push([node.children[index]!, id, item]);
  }
}

/** The item id an element carries (an `li`, or a table row's text cell), else `null`. */
function itemIdOf(node: Element): string | null {
  const id = node.properties.id;
  if (typeof id !== 'string' || !id.startsWith(itemIdPrefix)) return null;
  return node.tagName === 'li' || node.tagName === 'td' || node.tagName === 'th' ? id.slice(itemIdPrefix.length) : null;
}

/** A copy of an item's element to change, without its nested items (they have elements of their own). */
export function copyItemElement(element: Element): Element {
  return { ...element, children: structuredClone(element.children.filter((child) => !(child.type === 'element' && isList(child)))) };
}

function isList(node: Element): boolean {
  return node.tagName === 'ul' || node.tagName === 'ol';
}
