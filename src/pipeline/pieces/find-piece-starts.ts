/** Where a piece of a document may start: the offset of a line and its number (1-based). */
export interface PieceStart {
  offset: number;
  line: number;
}

const lineEnding = /\r\n|\r|\n/g;
/** An ATX heading at column 0: it closes every open list, quote and paragraph. */
const atxHeading = /^#{1,6}(?:[ \t]|$)/;
/** The opening fences of front matter, as micromark-extension-frontmatter reads them (YAML and the foreign kinds), and their closing fence. */
const matterFences: readonly [RegExp, string][] = [
  [/^---[ \t]*$/, '---'],
  [/^---(?:js|javascript)[ \t]*$/, '---'],
  [/^\+\+\+[ \t]*$/, '+++'],
  [/^;;;[ \t]*$/, ';;;'],
];

/**
 * The lines where a document may be cut: ATX headings at column 0, after the
 * front matter (none when front matter opens and never closes). Whether a cut holds (no fenced code or HTML block runs across
 * it) is checked on the parsed piece before it, see {@link leavesBlockOpen}.
 */
export function findPieceStarts(text: string): PieceStart[] {
  const starts: PieceStart[] = [];
  let offset = 0;
  let line = 1;
  let inMatter = false;
  let close = '---';
  lineEnding.lastIndex = 0;
  while (offset <= text.length) {
    const match = lineEnding.exec(text);
    const end = match ? match.index : text.length;
    const content = text.slice(offset, end);
    if (line === 1) {
      const fence = match === null ? undefined : matterFences.find(([open]) => open.test(content));
      inMatter = fence !== undefined;
      close = fence?.[1] ?? '---';
      // An opening fence never closed is a thematic break, but micromark-extension-frontmatter's failed attempt
      // leaves the parser unable to start a list anywhere after it: only the whole document reads the same.
      if (inMatter && !hasClosingFence(text, lineEnding.lastIndex, close)) return [];
    } else if (inMatter) {
      if (isFence(content, close)) inMatter = false;
    } else if (atxHeading.test(content)) {
      starts.push({ offset, line });
    }
    if (!match) break;
    offset = lineEnding.lastIndex;
    line += 1;
  }
  return starts;
}

/** Whether a line from `from` on closes the front matter with `close`. */
function hasClosingFence(text: string, from: number, close: string): boolean {
  return text
    .slice(from)
    .split(/\r\n|\r|\n/)
    .some((line) => isFence(line, close));
}

function isFence(line: string, close: string): boolean {
  return line.startsWith(close) && /^[ \t]*$/.test(line.slice(close.length));
}
