import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { readHeadingTime } from './find-phase-depth.js';
import { parseWeekRange } from './parse-week-range.js';
import { spanOf, splitLines, toParagraph, trimLine } from './split-lines.js';

/** Longest line read as a heading: a schedule line names its part, it does not explain it. */
const maxLineLength = 120;
/** Fewest time lines that make a schedule: one dated sentence is prose. */
const minLines = 2;

declare module 'mdast' {
  interface HeadingData {
    /** The heading was a paragraph line carrying a time notation (`**Week 4:** Networking`). */
    fromLine?: boolean;
  }
}

/**
 * Lines of text that carry the plan's time, `**Week 4:** Networking`,
 * `Weeks 1–3: Linux basics` or `**Module 1:** Python (Weeks 1-2)`, are
 * headings to a reader: each becomes a heading one level below the heading
 * it sits under (level 2 under the title or none), so the phase level is read
 * from them as from any heading. A line counts when it starts with bold text
 * or with its notation, is at most 120 characters long and names a week or
 * month range, a day range or a duration in parentheses or after `~` (one
 * day, `**Day 3:**`, is an entry, not a part; `**Duration:** 12 weeks` is a
 * fact about the plan); the other lines of its paragraph stay a paragraph after it.
 * Nothing happens unless the document has two such lines. `skip`: paragraphs
 * already read as the notation of the heading above them.
 */
export function promoteTimeLines(tree: Root, skip: ReadonlySet<RootContent>): void {
  const found = new Map<Paragraph, PhrasingContent[][]>();
  let count = 0;
  for (const node of tree.children) {
    if (node.type !== 'paragraph' || skip.has(node)) continue;
    const lines = splitLines(node);
    if (lines.some(isTimeLine)) {
      found.set(node, lines);
      count += lines.filter(isTimeLine).length;
    }
  }
  if (count < minLines) return;
  let depth = 1;
  const children: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') depth = node.depth;
    const lines = node.type === 'paragraph' ? found.get(node) : undefined;
    if (!lines) {
      children.push(node);
      continue;
    }
    let rest: PhrasingContent[][] = [];
    const flush = () => {
      if (rest.length > 0) children.push(toParagraph(rest));
      rest = [];
    };
    for (const line of lines) {
      if (!isTimeLine(line)) {
        rest.push(line);
        continue;
      }
      flush();
      children.push(toHeading(line, Math.min(depth + 1, 6) as Heading['depth']));
    }
    flush();
  }
  tree.children = children;
}

function isTimeLine(line: PhrasingContent[]): boolean {
  const text = toString({ type: 'paragraph', children: line }).replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > maxLineLength || readHeadingTime(text) !== 'range') return false;
  const notation = parseWeekRange(text);
  // A bare duration is a part's length only in parentheses or after `~` (`Python (2 weeks)`); `**Duration:** 12 weeks` is a fact about the plan.
  if (!notation?.weeks && !/[(（~≈]\s*\D{0,8}\d/u.test(text)) return false;
  if (line[0]?.type === 'strong') return true;
  // The notation opens the line, after an emoji or bullet at most: `Weeks 1–3: …`, `📅 Week 4 - …`.
  return notation !== null && /^[^\p{L}\p{N}]*$/u.test(text.slice(0, notation.index));
}

function toHeading(line: PhrasingContent[], depth: Heading['depth']): Heading {
  return { type: 'heading', depth, children: trimLine(line), data: { fromLine: true }, ...spanOf(line) };
}
