import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { markLines } from '../mark-lines.js';

/** `5. Read chapter 5` inside a paragraph: a numbered line Markdown reads as text. */
const numbered = /^(\d{1,9})[.)]\s+\S/;
/** `• item`, `· item`, `▪ item`: a bullet that is not a Markdown list marker. */
const bullet = /^[•·▪◦●]\s*\S/u;

/**
 * Point at lines that look like list items but that Markdown reads as text
 * (an `info` hint named `item-hint`, at the line): a numbered line inside a
 * paragraph (an ordered list that does not start at 1 cannot interrupt a
 * paragraph), or a `•` bullet, which is not a list marker.
 */
const remarkItemHints: Plugin<[], Root> = () => (tree, file) => {
  const lines = file.toString().split('\n');
  // Only a line that looks like an item can get a hint: parts of the document without one are not walked.
  const mayHoldHint = markLines(lines, (line) => findHint(unquote(line), true) !== null);
  visit(tree, (node) => {
    // Paragraphs hold no blocks: never walk their inline content (nor that of headings and tables).
    if (node.type === 'heading' || node.type === 'table' || node.type === 'code' || !mayHoldHint(node)) return SKIP;
    if (node.type !== 'paragraph') return undefined;
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (start === undefined || end === undefined) return SKIP;
    for (let line = start; line <= end; line += 1) {
      const reason = findHint(unquote(lines[line - 1] ?? ''), line > start);
      if (reason) file.info(reason, { place: { line, column: 1 }, ruleId: 'item-hint', source: 'roadmap-press' });
    }
    return SKIP;
  });
};

export default remarkItemHints;

/**
 * Why a paragraph's line reads as text though it looks like an item, or
 * `null`: a numbered line (other than `1.`) after the paragraph's first line,
 * or a line opening with a bullet that is not a list marker.
 */
function findHint(text: string, afterFirstLine: boolean): string | null {
  const number = numbered.exec(text);
  if (number && afterFirstLine && number[1] !== '1') {
    return `Unexpected text \`${clip(text)}\`, expected a list item: a list numbered from ${number[1]} cannot interrupt a paragraph, add a blank line before it`;
  }
  if (bullet.test(text))
    return `Unexpected text \`${clip(text)}\`, expected a list item: \`${text[0]}\` is not a list marker, write \`- \``;
  return null;
}

/** A line without the block quote markers and indentation it starts with. */
function unquote(line: string): string {
  return line.replace(/^(?:\s*>)*\s*/, '');
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
