import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { parseWeekRange } from '../parse-week-range.js';
import { spanOf, splitLines, toParagraph, trimLine } from '../split-lines.js';

/** Fewest day lines that make a list: one dated sentence is prose. */
const minLines = 2;

/**
 * Lines of a paragraph that each open with one day and a separator, a
 * challenge written without list markers (`Day 1: Tic Tac Toe` / `Day 2:
 * Calculator` / …, `**Day 3:** Wordle`, `Day 4 – Weather app`), are a list
 * to a reader: from the first such line to the end of the paragraph, when
 * every line there is one and there are two at least, they become a list of
 * one item a line (the lines before stay a paragraph). The days then place
 * each item in its week, as in a list written with markers.
 */
const remarkDayLines: Plugin<[], Root> = () => (tree) => {
  let changed = false;
  const children = tree.children.flatMap((node): RootContent[] => {
    if (node.type !== 'paragraph') return [node];
    const lines = splitLines(node);
    // Every line from the first day line to the end must be one: a paragraph whose last line is not has none to read.
    if (lines.length < minLines || !isDayLine(lines.at(-1)!)) return [node];
    const first = lines.findIndex(isDayLine);
    if (first === -1 || lines.length - first < minLines || !lines.slice(first).every(isDayLine)) return [node];
    changed = true;
    const before = lines.slice(0, first);
    return [...(before.length > 0 ? [toParagraph(before)] : []), toList(lines.slice(first))];
  });
  if (changed) tree.children = children;
};

export default remarkDayLines;

function isDayLine(line: PhrasingContent[]): boolean {
  const text = toString({ type: 'paragraph', children: line }).trim();
  const notation = parseWeekRange(text);
  if (notation?.unit !== 'day' || !notation.written || notation.written.start !== notation.written.end) return false;
  // The day opens the line (after an emoji or bullet at most) and a separator follows it: `Day 1: …`, `Day 2 - …`.
  return (
    /^[^\p{L}\p{N}]*$/u.test(text.slice(0, notation.index)) && /^\s*[:：.)—–-]\s*\S/u.test(text.slice(notation.index + notation.length))
  );
}

function toList(lines: PhrasingContent[][]): List {
  const items = lines.map((line): ListItem => {
    const paragraph: Paragraph = { type: 'paragraph', children: trimLine(line), ...spanOf(line) };
    return { type: 'listItem', spread: false, checked: null, children: [paragraph], ...spanOf(line) };
  });
  return { type: 'list', ordered: false, start: null, spread: false, children: items, ...spanOf(lines[0] ?? [], lines.at(-1)) };
}
