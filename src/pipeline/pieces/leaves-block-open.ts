import type { Root } from 'mdast';

/** HTML blocks that end at a marker of their own (`-->`, `</pre>`, …) rather than at a blank line: kinds 1 to 5 of CommonMark. */
const markedHtml = /^[ \t]*(?:<(?:pre|script|style|textarea)(?:[ \t>]|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[)/i;
const singleLineEnding = /^(?:\r\n|\r|\n)$/;

/**
 * Whether the last block of a parsed piece would go on into the next line, or
 * ends differently without it. A column-0 ATX heading closes lists, quotes,
 * paragraphs and tables; only a top-level fenced code or HTML block can run
 * across it. A block that reaches the very end of the piece (an unclosed
 * fence, also one nested in a list) would end earlier before a heading.
 */
export function leavesBlockOpen(tree: Root, source: string): boolean {
  const last = tree.children.at(-1);
  if (!last?.position) return false;
  const { start, end } = last.position;
  if (start.offset === undefined || end.offset === undefined) return true;
  const after = source.slice(end.offset);
  // Unclosed, a fence (even one inside a list) ran to the end of the piece, which always ends with a line ending.
  if (after === '') return true;
  // An HTML block of kinds 6 and 7 goes on until a blank line.
  return last.type === 'html' && !markedHtml.test(source.slice(start.offset)) && singleLineEnding.test(after);
}
