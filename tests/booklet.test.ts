import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildResult, build } from '../src/index.js';
import { saddleStitchOrder } from '../src/paper/impose-booklet.js';
import { findPdfWords, type PdfWord } from './helpers/find-pdf-words.js';
import { renderPage } from './helpers/poppler.js';
import { repoRoot } from './helpers/run-cli.js';

const seed = path.join(repoRoot, 'content/rust-backend.md');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-booklet-'));
  await writeFile(
    path.join(dir, 'small.md'),
    '# Small\n\n## Phase 1: Basics (Week 1)\n\n- [x] Already done\n- Read [the guide](https://example.com/guide)\n- Still to do\n',
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The `Page N of M` footers on each half of each sheet side: `[left, right]`, `null` for a half without one (a blank). */
function footersBySide(words: PdfWord[], sheetWidth: number, sides: number): [number | null, number | null][] {
  return Array.from({ length: sides }, (_, index) => {
    const on = words.filter((word) => word.page === index + 1);
    const footer = (left: boolean): number | null => {
      const at = on.findIndex(
        (word, position) => word.text === 'Page' && on[position + 2]?.text === 'of' && word.left < sheetWidth / 2 === left,
      );
      return at < 0 ? null : Number(on[at + 1]!.text);
    };
    return [footer(true), footer(false)];
  });
}

describe('saddle-stitch order', () => {
  it('pairs pages so that the folded sheets read in order, padded with blanks to a multiple of 4', () => {
    expect(saddleStitchOrder(8)).toEqual([
      [8, 1],
      [2, 7],
      [6, 3],
      [4, 5],
    ]);
    expect(saddleStitchOrder(6)).toEqual([
      [null, 1],
      [2, null],
      [6, 3],
      [4, 5],
    ]);
    expect(saddleStitchOrder(1)).toEqual([
      [null, 1],
      [null, null],
    ]);
  });
});

describe('--booklet', () => {
  it('writes NAME.booklet.pdf: the A5 checklist two pages per A4 landscape side, in saddle-stitch order', async () => {
    const out = path.join(dir, 'a4');
    const result = await build({ inputs: [seed], out, cwd: dir, formats: ['pdf'], booklet: true, sourceDateEpoch: '1' });
    expect(result.roadmaps[0]!.outputs).toContain(path.relative(dir, path.join(out, 'rust-backend.booklet.pdf')));
    const file = path.join(out, 'rust-backend.booklet.pdf');
    const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
    const sizes = pdf.getPages().map((page) => page.getSize());
    for (const size of sizes) expect([Math.round(size.width), Math.round(size.height)]).toEqual([842, 595]);
    const words = await findPdfWords(file);
    const total = Number(words[words.findIndex((word) => word.text === 'of') + 1]!.text);
    expect(total).toBeGreaterThan(6);
    expect(sizes).toHaveLength(Math.ceil(total / 4) * 2);
    expect(footersBySide(words, 842, sizes.length)).toEqual(saddleStitchOrder(total));
    // The A5 pages are the same document: its title and the seed's first item, on page 1's half.
    const first = words.filter((word) => word.page === 1 && word.left > 421).map((word) => word.text);
    expect(first.join(' ')).toContain('Installing Rust and Cargo');
    expect(pdf.getTitle()).toBe('Rust Learning Roadmap for Backend Development');
    expect(pdf.catalog.has(PDFName.of('AcroForm'))).toBe(false);
  });

  it('records the booklet in the cache: listed while up to date, removed with its roadmap', async () => {
    const content = path.join(dir, 'cached');
    const out = path.join(dir, 'cached-out');
    await mkdir(content);
    await copyFile(path.join(dir, 'small.md'), path.join(content, 'small.md'));
    await writeFile(path.join(content, 'other.md'), '# Other\n\n- one item\n');
    const options = { inputs: [content], out, cwd: dir, formats: ['pdf' as const], booklet: true, sourceDateEpoch: '1' };
    const booklet = path.relative(dir, path.join(out, 'small.booklet.pdf'));
    const small = (result: BuildResult) => result.roadmaps.find((roadmap) => roadmap.name === 'small')!;
    expect(small(await build(options)).outputs).toContain(booklet);
    const again = small(await build(options));
    expect(again.upToDate).toEqual(['pdf']);
    expect(again.outputs).toContain(booklet);
    await rm(path.join(content, 'small.md'));
    await build(options);
    expect(await readdir(out)).not.toContain('small.booklet.pdf');
  });

  it('leaves the main PDF as it is', async () => {
    const plain = path.join(dir, 'plain');
    await build({ inputs: [seed], out: plain, cwd: dir, formats: ['pdf'], sourceDateEpoch: '1' });
    const [withBooklet, without] = await Promise.all([
      readFile(path.join(dir, 'a4/rust-backend.pdf')),
      readFile(path.join(plain, 'rust-backend.pdf')),
    ]);
    expect(withBooklet.equals(without)).toBe(true);
  });

  it('keeps printed ticks and web links, and uses Letter sheets with --paper letter', async () => {
    const out = path.join(dir, 'letter');
    await build({
      inputs: [path.join(dir, 'small.md')],
      out,
      cwd: dir,
      formats: ['pdf'],
      booklet: true,
      paper: 'letter',
      sourceDateEpoch: '1',
    });
    const file = path.join(out, 'small.booklet.pdf');
    const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
    expect(pdf.getPages().map((page) => page.getSize())).toEqual([
      { width: 792, height: 612 },
      { width: 792, height: 612 },
    ]);
    const words = await findPdfWords(file);
    expect(footersBySide(words, 792, 2)).toEqual([
      [null, 1],
      [null, null],
    ]);
    // The [x] item's tick (its form field's appearance, flattened into the page) prints left of its text.
    const page = await renderPage(file, 1);
    const darkness = (text: string) => {
      const word = words.find((candidate) => candidate.text === text)!;
      let dark = 0;
      for (let x = word.left - 11; x <= word.left - 4; x += 0.5) {
        for (let y = word.bottom; y <= word.top; y += 0.5) if (page.at(x, y) < 128) dark += 1;
      }
      return dark;
    };
    expect(darkness('Already')).toBeGreaterThan(darkness('Still') + 5);
    const links = (pdf.getPage(0).node.Annots()?.asArray() ?? [])
      .map((ref) => pdf.context.lookup(ref, PDFDict))
      .map((annot) => annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString)?.decodeText());
    expect(links).toContain('https://example.com/guide');
  });
});
