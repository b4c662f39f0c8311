import type { Root, RootContent, Text } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { htmlToBlocks, htmlToPhrasing, isKnownHtml } from '../html-to-mdast.js';
import { markLines, splitSourceLines } from '../mark-lines.js';

/** One opening or closing tag on its own (`<b>`, `</a>`, `<p align="center">`), not `<img>` or `<br>`. */
const lonelyTag = /^<\/?(?!img\b|br\b)[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?\/?>$/;

/**
 * Read the HTML authors put in Markdown as what it means, never as literal
 * text on the page: `<p align="center"><img alt="…"></p>` is its image (alt
 * text kept), `<h1>` a heading, `<details><summary>Week 1</summary>` a bold
 * line (a topic), `<br>` a line break, `<b>`/`<kbd>`/`<sup>` wrappers their
 * text. Anything that is not a known element stays literal text:
 * roadmaps are full of things like `Box<T>` or `Vec<u8>` that CommonMark
 * reads as tags, and a `<script>` is shown, never run (the HTML of every item
 * is sanitized later). HTML comments are authors' notes and are dropped.
 */
const remarkReadHtml: Plugin<[], Root> = () => (tree, file) => {
  // HTML starts with a `<` in the source: a node on lines without one holds none, and is not walked.
  const mayHoldHtml = markLines(splitSourceLines(String(file)), (line) => line.includes('<'));
  visit(tree, (node, index, parent) => {
    if (node.type !== 'html') return mayHoldHtml(node) ? undefined : SKIP;
    if (!parent || index === undefined) return;
    const value = node.value.trim();
    const block = parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem';
    if (/^<!--[\s\S]*-->$/.test(value)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (isKnownHtml(value.replace(/<!--[\s\S]*?-->/g, ''))) {
      const replacement: RootContent[] = block
        ? htmlToBlocks(value).map((child) => ({ ...child, position: node.position }))
        : lonelyTag.test(value)
          ? []
          : htmlToPhrasing(value);
      parent.children.splice(index, 1, ...(replacement as never[]));
      return [SKIP, index + replacement.length];
    }
    const text: Text = { type: 'text', value: node.value, position: node.position };
    if (block) {
      parent.children[index] = { type: 'paragraph', children: [text], position: node.position };
    } else {
      parent.children[index] = text as never;
    }
    return SKIP;
  });
};

export default remarkReadHtml;
