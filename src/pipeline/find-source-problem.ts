/** A problem with the source text that stops it from being modelled at all. */
export interface SourceProblem {
  reason: string;
  line: number;
  column: number;
  ruleId: 'binary-file' | 'nesting-depth' | 'file-size' | 'line-length' | 'item-count';
}

/** Largest Markdown file read, in characters (16 MiB). */
export const maxFileChars = 16 * 1024 * 1024;
/** Longest line read, in characters (8 MiB). */
export const maxLineChars = 8 * 1024 * 1024;

/** Deepest nesting of lists and blockquotes modelled; deeper input is refused, not parsed (it would exhaust the stack). */
export const maxNesting = 100;
/** Longest run of one emphasis or bracket character read (longer runs make the inline parser recurse too deep). */
export const maxDelimiterRun = 256;

/** Most emphasis and bracket characters on one line (the inline parser's work grows with their nesting). */
export const maxDelimitersPerLine = 1000;

/**
 * Most list items in one file. The parser's memory grows faster than the
 * length of one list (100,000 items in one list take about 1.7 GB, 400,000
 * exhaust the heap), so more are refused before parsing.
 */
export const maxListItems = 100_000;

/** The container prefix of a line: white space, `>` and list markers. */
const containerPrefix = /^(?:[ \t]+|>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))*/;
const marker = />|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)/g;
const fence = /^(`{3,}|~{3,})/;
const delimiterRun = new RegExp(String.raw`([*_~[\]])\1{${maxDelimiterRun},}`);

/** Signatures of binary files often misnamed `.md` (PNG, JPEG, GIF, PDF, ZIP, gzip, ELF), as decoded text. */
const binarySignatures = [
  '\uFFFDPNG',
  '\uFFFD\uFFFD\uFFFD',
  'GIF87a',
  'GIF89a',
  '%PDF-',
  'PK\u0003\u0004',
  '\u001f\uFFFD\u0008',
  '\u007fELF',
];

/**
 * Whether decoded text is really a binary file: a known binary signature, or
 * NUL bytes in numbers (more than 64, or over 1% of it), or mostly
 * undecodable bytes and control characters. One stray NUL in text is not
 * binary (CommonMark replaces it with U+FFFD).
 */
export function isBinary(text: string): boolean {
  if (binarySignatures.some((signature) => text.startsWith(signature))) return true;
  let nuls = 0;
  for (let index = text.indexOf('\0'); index !== -1; index = text.indexOf('\0', index + 1)) nuls += 1;
  if (nuls > 64 || (nuls >= 4 && nuls * 100 > text.length)) return true;
  const head = text.slice(0, 8192);
  let odd = 0;
  for (let index = 0; index < head.length; index += 1) {
    const code = head.charCodeAt(index);
    if (code === 0xfffd || code <= 8 || (code >= 14 && code <= 31)) odd += 1;
  }
  return head.length >= 16 && odd * 10 > head.length * 3;
}

/**
 * Check the raw source before parsing, in linear time: binary content (see
 * {@link isBinary}), a file or line past {@link maxFileChars} or
 * {@link maxLineChars}, lists and blockquotes nested deeper than
 * {@link maxNesting} levels, runs of thousands of `*` or `[`, or more than
 * {@link maxListItems} list items, are refused
 * with a positioned message instead of exhausting the parser's stack.
 */
export function findSourceProblem(text: string): SourceProblem | null {
  if (isBinary(text)) {
    const nul = Math.max(text.indexOf('\0'), 0);
    const before = text.slice(0, nul);
    const line = before.split('\n').length;
    return {
      reason: 'Unexpected binary content (a NUL byte), expected a Markdown text file',
      line,
      column: nul - before.lastIndexOf('\n'),
      ruleId: 'binary-file',
    };
  }
  if (text.length > maxFileChars) {
    return {
      reason: `Unexpected file of ${(text.length / 1024 / 1024).toFixed(1)} MB, expected at most ${maxFileChars / 1024 / 1024} MB of Markdown`,
      line: 1,
      column: 1,
      ruleId: 'file-size',
    };
  }
  // Indentation of the list items still open: a rough model of CommonMark's container stack.
  let open: number[] = [];
  let openFence: string | null = null;
  let line = 0;
  // Whether the line before was paragraph text: an unindented line after it is a lazy continuation, still inside the lists.
  let inParagraph = false;
  let items = 0;
  for (const content of text.split('\n')) {
    line += 1;
    if (content.length > maxLineChars) {
      return {
        reason: `Unexpected line of ${(content.length / 1024 / 1024).toFixed(1)} MB, expected at most ${maxLineChars / 1024 / 1024} MB`,
        line,
        column: 1,
        ruleId: 'line-length',
      };
    }
    const trimmed = content.trimStart();
    const wasParagraph = inParagraph;
    inParagraph = trimmed !== '' && !/^(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|[-*_](?:[ \t]*[-*_]){2,}[ \t]*$)/.test(trimmed);
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
      if (trimmed !== '' && trimmed.length === content.length && !wasParagraph) open = [];
      continue;
    }
    if (/[-*+]|\d[.)]/.test(prefix)) {
      items += 1;
      if (items > maxListItems) {
        return {
          reason: `Unexpected list item ${items.toLocaleString('en')}, expected at most ${maxListItems.toLocaleString('en')} list items in one file`,
          line,
          column: prefix.search(/[-*+\d]/) + 1,
          ruleId: 'item-count',
        };
      }
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
