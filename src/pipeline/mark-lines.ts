import type { Node } from 'unist';

/**
 * Which lines of a document pass `test`, asked of a node at once: whether
 * any line it spans does (`true` for a node without a usable position). A
 * walk looking for something that only such lines can hold skips every node
 * whose lines hold none. `lines` must be numbered as the positions are.
 */
export function markLines(lines: readonly string[], test: (line: string) => boolean): (node: Node) => boolean {
  // `passed[n]`: how many of lines 1 to n pass.
  const passed = new Uint32Array(lines.length + 1);
  for (const [index, line] of lines.entries()) passed[index + 1] = passed[index]! + (test(line) ? 1 : 0);
  return (node) => {
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (start === undefined || end === undefined || start < 1 || end > lines.length || end < start) return true;
    return passed[end]! > passed[start - 1]!;
  };
}

/** A document's lines as micromark numbers them: CR, LF and CR LF each end one. */
export function splitSourceLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
