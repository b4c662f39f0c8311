import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { isBadge } from '../is-badge.js';

/**
 * Drop status badges (`![Build Status](https://img.shields.io/…)`, also as
 * the only content of a link) from the tree: they are decoration, and their
 * alt text would otherwise end up in titles ("Awesome Roadmaps Awesome Build
 * Status") and items.
 */
const remarkDropBadges: Plugin<[], Root> = () => (tree, file) => {
  // Most roadmaps have no badge: do not walk their trees for one.
  if (!isBadge(file.toString())) return;
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const badge =
      (node.type === 'image' && isBadge(node.url)) ||
      (node.type === 'link' &&
        node.children.length > 0 &&
        node.children.every(
          (child) => (child.type === 'image' && isBadge(child.url)) || (child.type === 'text' && child.value.trim() === ''),
        ));
    if (!badge) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
};

export default remarkDropBadges;
