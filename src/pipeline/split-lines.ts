import type { Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';

/** A paragraph's phrasing content, one array per source line (soft line breaks and `<br>` split it). */
export function splitLines(paragraph: Paragraph): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of paragraph.children) {
    if (child.type === 'break') {
      lines.push([]);
    } else if (child.type === 'text' && child.value.includes('\n')) {
      const parts = child.value.split('\n');
      const first = child.position?.start.line;
      parts.forEach((part, index) => {
        if (index > 0) lines.push([]);
        // Each piece gets the line it was written on, so its item does too.
        const line = first === undefined ? undefined : first + index;
        const position = line === undefined ? child.position : { start: { line, column: 1 }, end: { line, column: 1 } };
        if (part.trim() !== '') lines.at(-1)!.push({ ...child, value: part, position });
      });
    } else {
      lines.at(-1)!.push(child);
    }
  }
  return lines.filter((line) => toString({ type: 'paragraph', children: line }).trim() !== '');
}

/** Lines (as `splitLines` gives them) joined again into one paragraph. */
export function toParagraph(lines: PhrasingContent[][]): Paragraph {
  const children = lines.flatMap((line, index) => (index === 0 ? line : [{ type: 'text', value: '\n' } as PhrasingContent, ...line]));
  return { type: 'paragraph', children, ...spanOf(lines[0] ?? [], lines.at(-1)) };
}

/** `{ position }` from the start of line `first` to the end of line `last` (the same line by default); `{}` without positions. */
export function spanOf(first: PhrasingContent[], last: PhrasingContent[] = first): { position?: Position } {
  const start = first[0]?.position?.start;
  const end = last.at(-1)?.position?.end;
  return start && end ? { position: { start, end } } : {};
}

/** The line without the white space it was written with around it. */
export function trimLine(line: PhrasingContent[]): PhrasingContent[] {
  return line.map((node, index) => {
    if (node.type !== 'text') return node;
    let value = node.value;
    if (index === 0) value = value.trimStart();
    if (index === line.length - 1) value = value.trimEnd();
    return { ...node, value };
  });
}
