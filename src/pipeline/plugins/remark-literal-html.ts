import type { Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Keep raw HTML as literal text. Roadmaps are full of things like `Box<T>` or
 * `Vec<u8>` that CommonMark reads as HTML tags; shown as written they stay
 * verbatim, and a `<script>` in the Markdown can never run. HTML comments are
 * authors' notes and are dropped.
 */
const remarkLiteralHtml: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (/^<!--[\s\S]*-->$/.test(node.value.trim())) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    const text: Text = { type: 'text', value: node.value, position: node.position };
    if (parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem') {
      parent.children[index] = { type: 'paragraph', children: [text], position: node.position };
    } else {
      parent.children[index] = text as never;
    }
    return SKIP;
  });
};

export default remarkLiteralHtml;
