/** A problem with the source text that stops it from being modelled at all. */
export interface SourceProblem {
  reason: string;
  line: number;
  column: number;
  ruleId: 'binary-file' | 'nesting-depth';
}

/** Deepest nesting of lists and blockquotes modelled; deeper input is refused, not parsed (it would exhaust the stack). */
export const maxNesting = 100;
/** Longest run of one emphasis or bracket character read (longer runs make the inline parser recurse too deep). */
export const maxDelimiterRun = 256;

/** Most emphasis and bracket characters on one line (the inline parser's work grows with their nesting). */
export const maxDelimitersPerLine = 1000;

/** The container prefix of a line: white space, `>` and list markers. */
const containerPrefix = /^(?:[ \t]+|>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))*/;
const marker = />|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)/g;
const fence = /^(`{3,}|~{3,})/;
const delimiterRun = new RegExp(String.raw`([*_~[\]])\1{${maxDelimiterRun},}`);

/**
 * Check the raw source before parsing, in linear time: a NUL byte means a
 * binary file, not Markdown; lists and blockquotes nested deeper than
 * {@link maxNesting} levels, or runs of thousands of `*` or `[`, are refused
 * with a positioned message instead of exhausting the parser's stack.
 */
export function findSourceProblem(text: string): SourceProblem | null {
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const before = text.slice(0, nul);
    const line = before.split('\n').length;
    return {
      reason: 'Unexpected binary content (a NUL byte), expected a Markdown text file',
      line,
      column: nul - before.lastIndexOf('\n'),
      ruleId: 'binary-file',
    };
  }
  // Indentation of the list items still open: a rough model of CommonMark's container stack.
  let open: number[] = [];
  let openFence: string | null = null;
  let line = 0;
  for (const content of text.split('\n')) {
    line += 1;
    const trimmed = content.trimStart();
    const fenceMark = fence.exec(trimmed)?.[1];
    if (openFence !== null) {
      if (fenceMark && fenceMark[0] === openFence[0] && fenceMark.length >= openFence.length) openFence = null;
      continue;
    }
    if (fenceMark) openFence = fenceMark;
    const run = delimiterRun.exec(content);
    if (run) {
      return {
        reason: `Unexpected run of ${run[0].length} \`${run[1]}\` characters, expected at most ${maxDelimiterRun}`,
        line,
        column: run.index + 1,
        ruleId: 'nesting-depth',
      };
    }
    const delimiters = content.match(/[*_[\]]/g)?.length ?? 0;
    if (delimiters > maxDelimitersPerLine) {
      return {
        reason: `Unexpected ${delimiters} emphasis and bracket characters on one line, expected at most ${maxDelimitersPerLine}`,
        line,
        column: 1,
        ruleId: 'nesting-depth',
      };
    }
    const prefix = containerPrefix.exec(content)?.[0] ?? '';
    const markers = prefix.match(marker)?.length ?? 0;
    if (markers === 0) {
      if (trimmed !== '' && trimmed.length === content.length) open = [];
      continue;
    }
    const indent = prefix.search(/[^ \t]/);
    while (open.length > 0 && open[open.length - 1]! >= indent) open.pop();
    open.push(indent);
    const depth = open.length - 1 + markers;
    if (depth > maxNesting) {
      return {
        reason: `Unexpected nesting ${depth} levels deep, expected at most ${maxNesting} levels of lists and blockquotes`,
        line,
        column: 1,
        ruleId: 'nesting-depth',
      };
    }
  }
  return null;
}
