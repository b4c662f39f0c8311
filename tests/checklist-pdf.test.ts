import { copyFile, readFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFCheckBox, PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult, type RoadmapItem } from '../src/index.js';
import { resolveLabels } from '../src/model/labels.js';
import { processRoadmap } from '../src/pipeline/process-roadmap.js';
import { extractText, listFonts, renderPage } from './helpers/poppler.js';
import { collapse } from './helpers/read-pdf.js';
import { repoRoot } from './helpers/run-cli.js';

const seed = path.join(repoRoot, 'content/rust-backend.md');
const scripts = path.join(repoRoot, 'tests/fixtures/print');
// 2025-01-02T00:00:00Z
const epoch = '1735776000';
let out: string;
let result: BuildResult;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-checklist-'));
  result = await build({ inputs: [seed, scripts], out, cwd: repoRoot, sourceDateEpoch: epoch });
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

async function loadPdf(name: string): Promise<PDFDocument> {
  return PDFDocument.load(await readFile(path.join(out, `${name}.pdf`)), { updateMetadata: false });
}

async function itemsOf(file: string): Promise<RoadmapItem[]> {
  const { roadmap } = await processRoadmap(await readFile(file), file);
  const flatten = (items: RoadmapItem[]): RoadmapItem[] => items.flatMap((item) => [item, ...flatten(item.children)]);
  return [...roadmap!.phases, ...roadmap!.sections].flatMap((part) => part.topics.flatMap((topic) => flatten(topic.items)));
}

interface Widget {
  name: string;
  page: number;
  rect: [number, number, number, number];
  checked: boolean;
}

function widgetsOf(pdf: PDFDocument): Widget[] {
  const pages = pdf.getPages().map((page) => page.ref);
  return pdf
    .getForm()
    .getFields()
    .filter((field) => field instanceof PDFCheckBox)
    .flatMap((box) =>
      box.acroField.getWidgets().map((widget) => {
        const { x, y, width, height } = widget.getRectangle();
        const pageRef = widget.P();
        return {
          name: box.getName(),
          page: pageRef ? pages.indexOf(pageRef) : -1,
          rect: [x, y, x + width, y + height] as [number, number, number, number],
          checked: box.isChecked(),
        };
      }),
    );
}

describe('the PDF checklist of the seed', () => {
  it('builds without problems', () => {
    expect(result.errors).toBe(0);
    expect(result.warnings).toBe(0);
  });

  it('has a checkbox field for every item, named by its id, unticked like the Markdown', async () => {
    const pdf = await loadPdf('rust-backend');
    const items = await itemsOf(seed);
    const widgets = widgetsOf(pdf);
    expect(widgets.map((widget) => widget.name).sort()).toEqual(items.map((item) => item.id).sort());
    expect(widgets.every((widget) => !widget.checked)).toBe(true);
  });

  it('puts every widget inside its page, over the printed box', async () => {
    const file = path.join(out, 'rust-backend.pdf');
    const pdf = await loadPdf('rust-backend');
    const widgets = widgetsOf(pdf);
    for (const widget of widgets) {
      const { width, height } = pdf.getPage(widget.page).getSize();
      const [x1, y1, x2, y2] = widget.rect;
      expect(widget.page, widget.name).toBeGreaterThanOrEqual(0);
      expect(x1).toBeGreaterThanOrEqual(0);
      expect(y1).toBeGreaterThanOrEqual(0);
      expect(x2).toBeLessThanOrEqual(width);
      expect(y2).toBeLessThanOrEqual(height);
      // A box is about 3.6 mm (10.2 pt) square.
      expect(x2 - x1).toBeGreaterThan(9);
      expect(x2 - x1).toBeLessThan(13);
      expect(y2 - y1).toBeGreaterThan(9);
      expect(y2 - y1).toBeLessThan(13);
    }
    // Page 1 without its form fields: each widget rectangle frames a printed box
    // (dark edges on all four sides, a light inside).
    const page = await renderPage(file, 1, { annotations: false });
    const onFirstPage = widgets.filter((widget) => widget.page === 0);
    expect(onFirstPage.length).toBeGreaterThan(10);
    for (const { name, rect } of onFirstPage) {
      expectBoxAt(page, rect, name);
    }
  });

  it('keeps the tags and the outline through the post-processing', async () => {
    const pdf = await loadPdf('rust-backend');
    const catalog = pdf.catalog;
    expect(catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))?.toString()).toBe('true');
    expect(catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)).toBeDefined();
    const outlines = catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(outlines.lookup(PDFName.of('Count'), PDFNumber).asNumber()).not.toBe(0);

    const data = new Uint8Array(await readFile(path.join(out, 'rust-backend.pdf')));
    const document = await getDocument({ data, isEvalSupported: false }).promise;
    try {
      const outline = await document.getOutline();
      expect(outline[0]?.title).toBe('Rust Learning Roadmap for Backend Development');
      expect(outline[0]?.items.map((entry) => collapse(entry.title))).toContain('Phase 4: Backend-Specific Skills Weeks 10–14');
      const page = await document.getPage(1);
      const tree = await page.getStructTree();
      const forms: { children?: { type: string }[] }[] = [];
      const walk = (node: { role?: string; children?: unknown[] }) => {
        if (node.role === 'Form') forms.push(node as never);
        for (const child of node.children ?? []) walk(child as never);
      };
      walk(tree as never);
      const widgets = widgetsOf(await loadPdf('rust-backend')).filter((widget) => widget.page === 0);
      expect(forms).toHaveLength(widgets.length);
      for (const form of forms) expect(form.children?.some((child) => child.type === 'object')).toBe(true);
    } finally {
      await document.destroy();
    }
  });

  it('writes metadata, with the date from SOURCE_DATE_EPOCH', async () => {
    const pdf = await loadPdf('rust-backend');
    expect(pdf.getTitle()).toBe('Rust Learning Roadmap for Backend Development');
    expect(pdf.getAuthor()).toBeUndefined();
    expect(pdf.getSubject()).toBe(
      "Congratulations on starting your Rust journey! Here's a comprehensive learning path tailored for backend development:",
    );
    expect(pdf.getKeywords()).toBe(
      'Phase 1: Fundamentals, Phase 2: Intermediate Concepts, Phase 3: Advanced Rust, Phase 4: Backend-Specific Skills, Phase 5: Production-Ready Skills, Phase 6: Advanced Backend Topics',
    );
    const { version } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(pdf.getCreator()).toBe(`roadmap-press ${version}`);
    expect(pdf.getProducer()).toMatch(new RegExp(`^roadmap-press ${version.replace(/\./g, '\\.')} \\(Skia/PDF m\\d+, pdf-lib\\)$`));
    expect(pdf.getCreationDate()?.toISOString()).toBe('2025-01-02T00:00:00.000Z');
    expect(pdf.getModificationDate()?.toISOString()).toBe('2025-01-02T00:00:00.000Z');
    expect(pdf.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(en)');
  });

  it('never leaves a phase heading at the bottom of a page', async () => {
    const data = new Uint8Array(await readFile(path.join(out, 'rust-backend.pdf')));
    const document = await getDocument({ data, isEvalSupported: false }).promise;
    const titles = [
      'Phase 1: Fundamentals',
      'Phase 2: Intermediate Concepts',
      'Phase 3: Advanced Rust',
      'Phase 4: Backend-Specific Skills',
      'Phase 5: Production-Ready Skills',
      'Phase 6: Advanced Backend Topics',
      'Practical Learning Tips',
    ];
    const items = new Set((await itemsOf(seed)).map((item) => item.text));
    try {
      const seen: string[] = [];
      for (let number = 1; number <= document.numPages; number += 1) {
        const content = await (await document.getPage(number)).getTextContent();
        // Text runs on one baseline make a line (a ligature such as "fi" is a run of its own).
        const byBaseline = new Map<number, { text: string; y: number; size: number }>();
        for (const item of content.items) {
          if (!('str' in item)) continue;
          const y = Math.round(item.transform[5] as number);
          const line = byBaseline.get(y) ?? { text: '', y, size: 0 };
          line.text += item.str;
          line.size = Math.max(line.size, item.height);
          byBaseline.set(y, line);
        }
        const lines = [...byBaseline.values()].map((line) => ({ ...line, text: collapse(line.text) }));
        // Headings are 13 pt; the overview on page 1 lists the same titles at 9 pt.
        for (const heading of lines.filter((line) => titles.includes(line.text) && line.size > 11)) {
          seen.push(heading.text);
          const below = lines.filter((line) => line.y < heading.y && [...items].some((item) => line.text.startsWith(item)));
          expect(below.length, `${heading.text} on page ${number}`).toBeGreaterThan(0);
        }
      }
      expect(seen).toEqual(titles);
    } finally {
      await document.destroy();
    }
  });
});

describe('PDF checklists in several scripts', () => {
  const cases = [
    { name: 'cyrillic', fonts: ['NotoSans-Regular', 'NotoSans-Bold'] },
    { name: 'greek', fonts: ['NotoSans-Regular', 'NotoSans-Bold'] },
    { name: 'arabic', fonts: ['NotoSansArabic-Regular', 'NotoSansArabic-Bold'] },
    // Skia draws CFF-flavoured OpenType (Noto CJK) and colour emoji as embedded Type 3 fonts.
    { name: 'japanese', fonts: ['Type 3'] },
    { name: 'chinese', fonts: ['Type 3'] },
    { name: 'emoji', fonts: ['Type 3'] },
  ];

  for (const { name, fonts } of cases) {
    it(`prints ${name} text with embedded fonts, a checkbox per item, ticked where the Markdown says`, async () => {
      const file = path.join(out, `${name}.pdf`);
      // pdftotext places runs of other fonts (emoji, CJK next to Latin) apart: compare word by word.
      const text = collapse((await extractText(file)).normalize('NFKC').replace(/[\u200e\u200f\u202a-\u202e]/g, ''));
      const words = new Set(text.split(' '));
      const items = await itemsOf(path.join(scripts, `${name}.md`));
      for (const item of items) for (const word of item.text.split(/\s+/)) expect(words, word).toContain(word);
      // The footer speaks the roadmap's language (English where the label table has none).
      const { roadmap } = await processRoadmap(await readFile(path.join(scripts, `${name}.md`)), `${name}.md`);
      const labels = resolveLabels(roadmap!.lang);
      // pdftotext drops the spaces between CJK runs: compare without spaces.
      expect(text.replace(/\s/g, '')).toContain(`${labels.page}1${labels.of}1`.replace(/\s/g, ''));

      const listed = await listFonts(file);
      expect(listed.length).toBeGreaterThan(0);
      for (const font of listed) expect(font.embedded, font.name).toBe(true);
      const names = listed.map((font) => (font.type === 'Type 3' ? 'Type 3' : font.name.replace(/^[A-Z]{6}\+/, '')));
      for (const font of fonts) expect(names).toContain(font);

      const pdf = await loadPdf(name);
      const widgets = widgetsOf(pdf);
      expect(widgets.map((widget) => [widget.name, widget.checked])).toEqual(
        expect.arrayContaining(items.map((item) => [item.id, item.checked])),
      );
      expect(widgets).toHaveLength(items.length);
      const { width } = pdf.getPage(0).getSize();
      for (const widget of widgets) {
        // Right-to-left pages put the box on the right.
        if (name === 'arabic') expect(widget.rect[0]).toBeGreaterThan(width / 2);
        else expect(widget.rect[2]).toBeLessThan(width / 2);
      }
    });
  }

  it('prints ticked boxes for [x] items through the form field, and empty boxes under it', async () => {
    const file = path.join(out, 'cyrillic.pdf');
    const widgets = widgetsOf(await loadPdf('cyrillic'));
    const shown = await renderPage(file, 1);
    const bare = await renderPage(file, 1, { annotations: false });
    expect(widgets.filter((widget) => widget.checked)).toHaveLength(1);
    for (const widget of widgets) {
      expectBoxAt(bare, widget.rect, widget.name);
      const [x1, y1, x2, y2] = widget.rect;
      const inside = darkPixels(shown, x1 + 2.5, y1 + 2.5, x2 - 2.5, y2 - 2.5);
      if (widget.checked) expect(inside, widget.name).toBeGreaterThan(20);
      else expect(inside, widget.name).toBe(0);
    }
  });

  it('writes Author, Subject, Keywords and the front matter date, in the roadmap language', async () => {
    const pdf = await loadPdf('greek');
    expect(pdf.getTitle()).toBe('Οδηγός εκμάθησης Rust');
    expect(pdf.getAuthor()).toBe('Ομάδα μελέτης');
    expect(pdf.getSubject()).toBe('Ένας σύντομος οδηγός.');
    expect(pdf.getKeywords()).toBe('rust, ιδιοκτησία');
    // SOURCE_DATE_EPOCH wins over the front matter's date.
    expect(pdf.getCreationDate()?.toISOString()).toBe('2025-01-02T00:00:00.000Z');
    expect(pdf.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(el)');
    const arabic = await loadPdf('arabic');
    expect(arabic.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(ar)');
  });
});

describe('deterministic PDFs', () => {
  it('gives byte-identical PDFs when the same input is built twice', async () => {
    const again = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-again-'));
    try {
      await build({ inputs: [seed, path.join(scripts, 'emoji.md')], out: again, cwd: repoRoot, sourceDateEpoch: epoch });
      for (const name of ['rust-backend.pdf', 'emoji.pdf']) {
        const first = await readFile(path.join(out, name));
        const second = await readFile(path.join(again, name));
        expect(second.equals(first), name).toBe(true);
      }
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });

  it('gives the same bytes for a table printed on a fresh page and on a page that printed before', async () => {
    // Chromium names tagged table cells after DOM node ids its renderer hands out in the order asked for, counting every
    // node it ever made: the second copy of each table was printed after the first, on the same page.
    const twice = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-tables-'));
    try {
      await mkdir(path.join(twice, 'content'));
      const fixtures = ['tables', 'table-week-column'];
      for (const fixture of fixtures) {
        const input = path.join(repoRoot, 'tests/fixtures/model', fixture, 'input.md');
        await copyFile(input, path.join(twice, `content/${fixture}-1.md`));
        await copyFile(input, path.join(twice, `content/${fixture}-2.md`));
      }
      await build({ inputs: ['content'], out: 'output', cwd: twice, formats: ['pdf'], concurrency: 1, sourceDateEpoch: epoch });
      for (const fixture of fixtures) {
        const first = await readFile(path.join(twice, `output/${fixture}-1.pdf`));
        const second = await readFile(path.join(twice, `output/${fixture}-2.pdf`));
        // The case at hand: a tagged table whose cells have ids.
        const tagged = await PDFDocument.load(first, { updateMetadata: false });
        expect(tagged.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).has(PDFName.of('IDTree')), fixture).toBe(true);
        expect(second.equals(first), fixture).toBe(true);
      }
    } finally {
      await rm(twice, { recursive: true, force: true });
    }
  });

  it('writes no clock time when there is no SOURCE_DATE_EPOCH and no front matter date', async () => {
    const plain = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-plain-'));
    try {
      await build({
        inputs: [path.join(scripts, 'emoji.md'), path.join(scripts, 'greek.md')],
        out: plain,
        cwd: repoRoot,
        sourceDateEpoch: undefined,
      });
      const emoji = await PDFDocument.load(await readFile(path.join(plain, 'emoji.pdf')), { updateMetadata: false });
      expect(emoji.getCreationDate()).toBeUndefined();
      expect(emoji.getModificationDate()).toBeUndefined();
      const greek = await PDFDocument.load(await readFile(path.join(plain, 'greek.pdf')), { updateMetadata: false });
      expect(greek.getCreationDate()?.toISOString()).toBe('2025-03-04T00:00:00.000Z');
      const trailer = (await readFile(path.join(plain, 'emoji.pdf'))).toString('latin1');
      expect(trailer).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/);
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
  });
});

/** Dark edges on all four sides of `rect` (within 2 pt), a light centre. */
function expectBoxAt(page: Awaited<ReturnType<typeof renderPage>>, rect: [number, number, number, number], name: string) {
  const [x1, y1, x2, y2] = rect;
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  expect(page.at(cx, cy), `${name} centre`).toBeGreaterThan(200);
  const darkest = (points: [number, number][]) => Math.min(...points.map(([x, y]) => page.at(x, y)));
  const across = (from: number, to: number) => Array.from({ length: 17 }, (_, index) => from + ((to - from) * index) / 16);
  expect(darkest(across(x1 - 1, x1 + 2).map((x) => [x, cy])), `${name} left edge`).toBeLessThan(110);
  expect(darkest(across(x2 - 2, x2 + 1).map((x) => [x, cy])), `${name} right edge`).toBeLessThan(110);
  expect(darkest(across(y1 - 1, y1 + 2).map((y) => [cx, y])), `${name} bottom edge`).toBeLessThan(110);
  expect(darkest(across(y2 - 2, y2 + 1).map((y) => [cx, y])), `${name} top edge`).toBeLessThan(110);
}

function darkPixels(page: Awaited<ReturnType<typeof renderPage>>, x1: number, y1: number, x2: number, y2: number): number {
  let count = 0;
  const step = 1 / page.scale;
  for (let x = x1; x <= x2; x += step) for (let y = y1; y <= y2; y += step) if (page.at(x, y) < 128) count += 1;
  return count;
}
