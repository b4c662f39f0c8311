import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Root } from 'mdast';
import { glob } from 'tinyglobby';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './helpers/seeded-random.js';
import { createProcessor } from '../src/pipeline/create-processor.js';
import { type PieceStats, parseInPieces } from '../src/pipeline/parse-in-pieces.js';

/**
 * Parsing in pieces must give exactly the tree of parsing the whole document:
 * the same nodes, the same positions. Every document is parsed both ways,
 * cut at every possible heading (`minPieceLength: 0`) and as the pipeline cuts
 * it (the default piece length).
 */
const processor = createProcessor();
const root = fileURLToPath(new URL('..', import.meta.url));
const sample = readFileSync(`${root}content/rust-backend.md`, 'utf8');
const spec: { tests: Array<{ markdown: string }> } = createRequire(import.meta.url)('commonmark-spec');
// The spec writes tabs as arrows.
const examples = spec.tests.map((test) => test.markdown.replace(/→/g, '\t'));
const fixturePaths = (await glob('tests/fixtures/**/input.md', { cwd: root })).sort();
const fixtures = fixturePaths.map((file) => readFileSync(`${root}${file}`, 'utf8'));

function parseBothWays(text: string, minPieceLength?: number) {
  const stats: PieceStats = { pieces: 0, reparsed: 0 };
  const whole = processor.parse(new VFile(text));
  const pieces = parseInPieces(processor, new VFile(text), { minPieceLength, stats });
  return { whole, pieces, stats };
}

/** Assert identity; on a difference, let vitest show the diff (slow on big trees, so only then). */
function expectIdentical(text: string, minPieceLength?: number): PieceStats {
  const { whole, pieces, stats } = parseBothWays(text, minPieceLength);
  if (!isDeepStrictEqual(pieces, whole)) expect(pieces).toStrictEqual(whole);
  return stats;
}

const strays = [
  '```',
  '~~~',
  '````',
  '<!--',
  '-->',
  '<div>',
  '<pre>',
  '</pre>',
  '---',
  '    ',
  '\t',
  '> ',
  '- ',
  '[a]: /u',
  '[^a]: note',
  '[a]',
  '[^a]',
];

/** The text with lines dropped, duplicated, cut short, and stray fences, tags, tabs and brackets put in. */
function mangle(text: string, next: () => number): string {
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const roll = next();
    if (roll < 0.04) continue;
    if (roll < 0.08) out.push(line, line);
    else if (roll < 0.12) out.push(line.slice(0, Math.floor(next() * line.length)));
    else if (roll < 0.2) out.push(pick(strays), line);
    else if (roll < 0.26) {
      const at = Math.floor(next() * (line.length + 1));
      out.push(`${line.slice(0, at)}${pick(['`', '``', '\t', '[', ']', '<', '*'])}${line.slice(at)}`);
    } else out.push(line);
  }
  return out.join(next() < 0.5 ? '\n' : '\r\n');
}

/** References whose definition sits in another piece: the case the seeded re-parse is for. */
function countReferences(tree: Root): number {
  let count = 0;
  visit(tree, ['linkReference', 'imageReference', 'footnoteReference'], () => {
    count += 1;
  });
  return count;
}

describe('parseInPieces', () => {
  it('reads all 652 CommonMark spec examples', () => {
    expect(examples).toHaveLength(652);
  });

  it('gives the tree of the whole document for every CommonMark spec example', () => {
    for (const example of examples) expectIdentical(example, 0);
  });

  it('gives the same tree for the spec examples joined into one document, cut between them', () => {
    const joined = [
      examples.map((example, index) => `${example}\n# Example ${index + 1}\n\n`).join(''),
      examples.map((example, index) => `${example}# Example ${index + 1}\n`).join(''),
      examples.join('## x\n'),
    ];
    for (const text of joined) {
      const stats = expectIdentical(text, 0);
      expect(stats.pieces).toBeGreaterThan(300);
      // Definitions of one example resolve references of another one.
      expect(stats.reparsed).toBeGreaterThan(0);
    }
  });

  it('resolves a reference to a definition in another piece as the whole document does', () => {
    const text = '# One\n\nSee [the book] and [^note].\n\n# Two\n\n[the book]: https://doc.rust-lang.org/book/\n[^note]: A note.\n';
    const { whole, pieces, stats } = parseBothWays(text, 0);
    expect(stats).toEqual({ pieces: 2, reparsed: 1 });
    expect(countReferences(whole)).toBe(2);
    expect(pieces).toStrictEqual(whole);
  });

  it('keeps fenced code, HTML blocks and front matter that run across headings in one piece', () => {
    const cases = [
      '# A\n\n```\n# not a heading\n```\n\n# B\n',
      '# A\n\n~~~~\n# inside\n~~~\n# still inside\n~~~~\n# B\n',
      '# A\n\n<!--\n# inside a comment\n-->\n# B\n',
      '# A\n\n<div>\n# part of the block\n\n# B\n',
      '# A\n\n<pre>\n\n# inside pre\n</pre>\n# B\n',
      '---\ntitle: x\n# a YAML comment\n---\n# A\n',
      '---\n# no closing fence, so a thematic break\n# A\n',
      // An unclosed front matter fence leaves micromark unable to start lists after it, in every piece.
      '---\n## A\n- item\n# B\n- item\n',
      // The same after an unclosed foreign fence (`---js`, `+++`, `;;;`).
      '---js\n{ title: "x" }\n--\n\n# A\n\n[a]\n- item\n',
      '+++\ntitle = "x"\n# A\n- item\n# B\n- item\n',
      '# A\n- ```\n  code\n# B\n```\n# C\n',
    ];
    for (const text of cases) {
      const { whole, pieces } = parseBothWays(text, 0);
      expect(pieces).toStrictEqual(whole);
    }
  });

  it('gives the same tree for the sample, every fixture, and 12 copies of the sample (pieces of the default size)', () => {
    expect(fixtures.length).toBeGreaterThan(20);
    for (const text of [sample, ...fixtures]) expectIdentical(text, 0);
    expectIdentical(fixtures.join('\n'), 0);
    const copies = Array.from({ length: 12 }, () => sample).join('\n');
    expectIdentical(copies, 0);
    expect(expectIdentical(copies).pieces).toBeGreaterThan(10);
  }, 120_000);

  it('gives the same tree with a byte order mark, CRLF and CR line endings', () => {
    const twice = `${sample}\n${sample}`;
    for (const text of [`\uFEFF${twice}`, twice.replace(/\n/g, '\r\n'), twice.replace(/\n/g, '\r')]) {
      expect(expectIdentical(text, 0).pieces).toBeGreaterThan(10);
    }
  });

  it('gives the same tree for 300 mangled copies of the sample, the fixtures and the spec examples', () => {
    const next = seededRandom(14);
    const sources = [sample, `${sample}\n${sample}`, ...fixtures, examples.join('\n# x\n')];
    for (let round = 0; round < 300; round += 1) {
      const source = sources[round % sources.length]!;
      expectIdentical(mangle(source, next), 0);
    }
  });
});
