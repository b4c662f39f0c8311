import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Extension } from 'micromark-util-types';
import type { Data } from 'unified';
import type { Node, Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { findPieceStarts, type PieceStart } from './pieces/find-piece-starts.js';
import { leavesBlockOpen } from './pieces/leaves-block-open.js';
import { type DefinedLabels, seedDefinitions } from './pieces/seed-definitions.js';

/** Options of {@link parseInPieces}. */
export interface ParseInPiecesOptions {
  /** Shortest piece worth parsing on its own, in characters (micromark is linear up to some tens of kilobytes). */
  minPieceLength?: number;
  /** Filled in with how the document was cut (for tests and the bench). */
  stats?: PieceStats;
}

/** How a document was parsed: pieces joined, and pieces parsed again knowing other pieces' definitions. */
export interface PieceStats {
  pieces: number;
  reparsed: number;
}

interface Piece {
  start: PieceStart;
  source: string;
  tree: Root;
}

const defaultMinPieceLength = 4096;

/**
 * Parse a document exactly as `processor.parse` would, in linear time.
 * micromark slows down quadratically on one huge document, so the text is cut
 * at column-0 ATX headings no open block runs across, each piece is parsed
 * with the processor's own syntax extensions, and the trees are joined with
 * their positions shifted. Link and footnote definitions are document-wide:
 * a piece that may reference one defined in another piece is parsed again
 * knowing them all. The result is identical node for node and position for
 * position (tests/parse-in-pieces.test.ts).
 */
export function parseInPieces(processor: { data(): Data }, file: VFile, options: ParseInPiecesOptions = {}): Root {
  // micromark skips a byte order mark without counting it in offsets: so do the pieces.
  const text = String(file).replace(/^\uFEFF/, '');
  const minPieceLength = options.minPieceLength ?? defaultMinPieceLength;
  // What remark-parse passes to mdast-util-from-markdown, from the same processor data.
  const data = processor.data();
  const parse = (source: string, extensions: Extension[] = []) =>
    fromMarkdown(source, {
      ...data.settings,
      extensions: [...(data.micromarkExtensions ?? []), ...extensions],
      mdastExtensions: data.fromMarkdownExtensions ?? [],
    });
  const stats = options.stats ?? { pieces: 0, reparsed: 0 };
  Object.assign(stats, { pieces: 1, reparsed: 0 });
  if (text.length < 2 * minPieceLength) return parse(text);
  const starts = findPieceStarts(text);
  if (starts.length === 0) return parse(text);
  const pieces = cutPieces(text, starts, minPieceLength, parse);
  // Every definition has `]:` in it (a label, then a colon): without one there is nothing to share.
  const labels = text.includes(']:') ? collectDefinedLabels(pieces) : { definitions: [], footnotes: [], count: 0, countIn: new Map() };
  for (const piece of pieces) {
    if ((labels.countIn.get(piece) ?? 0) < labels.count && hasBracketText(piece.tree)) {
      piece.tree = parse(piece.source, [seedDefinitions(labels)]);
      stats.reparsed += 1;
    }
  }
  stats.pieces = pieces.length;
  return joinPieces(pieces);
}

/** Parse piece after piece, each at least `minPieceLength` long, growing a piece whose last block runs on past its end. */
function cutPieces(text: string, starts: PieceStart[], minPieceLength: number, parse: (source: string) => Root): Piece[] {
  const pieces: Piece[] = [];
  let start: PieceStart = { offset: 0, line: 1 };
  let next = 0;
  while (start.offset < text.length) {
    let length = minPieceLength;
    for (;;) {
      while (next < starts.length && starts[next]!.offset < start.offset + Math.max(length, 1)) next += 1;
      const end = starts[next];
      const source = text.slice(start.offset, end?.offset);
      const tree = parse(source);
      if (!end || !leavesBlockOpen(tree, source)) {
        pieces.push({ start, source, tree });
        if (!end) return pieces;
        start = end;
        break;
      }
      // Doubling keeps the work linear when a fenced block swallows many headings.
      length = 2 * source.length;
    }
  }
  return pieces;
}

/** The link and footnote labels the pieces define, in micromark's normalized form, and how many of them each piece defines itself. */
function collectDefinedLabels(pieces: Piece[]): DefinedLabels & { count: number; countIn: Map<Piece, number> } {
  const definitions = new Set<string>();
  const footnotes = new Set<string>();
  const countIn = new Map<Piece, number>();
  for (const piece of pieces) {
    const own = new Set<string>();
    visit(piece.tree, (node) => {
      if (node.type !== 'definition' && node.type !== 'footnoteDefinition') return;
      // mdast keeps `normalizeIdentifier(label).toLowerCase()`; micromark compares the upper case.
      const label = node.identifier.toUpperCase();
      (node.type === 'definition' ? definitions : footnotes).add(label);
      own.add(`${node.type === 'definition' ? '[' : '^'}${label}`);
    });
    countIn.set(piece, own.size);
  }
  return { definitions: [...definitions], footnotes: [...footnotes], count: definitions.size + footnotes.size, countIn };
}

/**
 * Whether inline text of a tree keeps a bracket: a reference to a label no
 * definition in the piece gives stays literal text (or image alt text).
 */
function hasBracketText(tree: Root): boolean {
  let found = false;
  visit(tree, (node) => {
    const text = node.type === 'text' ? node.value : 'alt' in node ? node.alt : undefined;
    if (typeof text === 'string' && text.includes('[')) found = true;
    return found ? false : undefined;
  });
  return found;
}

/** Concatenate the pieces' trees into one root, each node's position moved to where its piece starts. */
function joinPieces(pieces: Piece[]): Root {
  const [first, ...rest] = pieces as [Piece, ...Piece[]];
  const root = first.tree;
  for (const { start, tree } of rest) {
    shiftPositions(tree, start);
    if (root.position && tree.position) root.position.end = tree.position.end;
  }
  root.children = pieces.flatMap((piece) => piece.tree.children);
  return root;
}

/**
 * Move every position of a tree by a piece's start (lines and offsets; a piece starts at column 1).
 * A plain loop rather than `unist-util-visit`: it runs over every node of a large document, and
 * visit's ancestor lists cost more than the parse of small pieces.
 */
function shiftPositions(tree: Root, start: PieceStart): void {
  const shift = (point: Point): Point => ({
    line: point.line + start.line - 1,
    column: point.column,
    offset: (point.offset ?? 0) + start.offset,
  });
  const stack: Node[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.position) node.position = { start: shift(node.position.start), end: shift(node.position.end) };
    if ('children' in node && Array.isArray(node.children)) stack.push(...(node.children as Node[]));
  }
}
