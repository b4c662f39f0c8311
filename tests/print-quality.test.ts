import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFCheckBox, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../src/index.js';
import { findPdfWords, type PdfWord } from './helpers/find-pdf-words.js';
import { renderPage } from './helpers/poppler.js';

const run = promisify(execFile);
let dir: string;

/**
 * A roadmap made to strand headings: 8 phases of 5-7 topics of 1-4 items of
 * varying length, so that on every paper size some heading falls near a
 * page's end (without `break-after: avoid`, several do: checked by hand).
 */
function strandingRoadmap(): string {
  let markdown = '# Stranding\n\n';
  let count = 0;
  for (let phase = 1; phase <= 8; phase += 1) {
    markdown += `## Phase ${phase}: Stage ${phase} (Weeks ${phase * 2 - 1}-${phase * 2})\n\n`;
    for (let topic = 1; topic <= 5 + (phase % 3); topic += 1) {
      markdown += `**Topic ${phase}.${topic} heading**\n`;
      for (let item = 1; item <= 1 + ((phase * 7 + topic * 3) % 4); item += 1) {
        count += 1;
        markdown += `- Item ${phase}.${topic}.${item} ${'word '.repeat((count * 5) % 11)}\n`;
      }
      markdown += '\n';
    }
  }
  return markdown;
}

const topicCount = (phase: number) => 5 + (phase % 3);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-print-quality-'));
  await writeFile(path.join(dir, 'stranding.md'), strandingRoadmap());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function buildPdf(name: string, options: BuildOptions): Promise<string> {
  const out = path.join(dir, name);
  await build({ inputs: [path.join(dir, 'stranding.md')], out, cwd: dir, formats: ['pdf'], sourceDateEpoch: '1', ...options });
  return path.join(out, 'stranding.pdf');
}

/** The page of the last place where `texts` are consecutive words (the overview lists phase titles too, on page 1). */
function lastPageOf(words: PdfWord[], ...texts: string[]): number {
  for (let index = words.length - texts.length; index >= 0; index -= 1) {
    if (texts.every((text, offset) => words[index + offset]!.text === text)) return words[index]!.page;
  }
  throw new Error(`"${texts.join(' ')}" not found`);
}

/** Every phase and topic heading whose page is not its first item's. */
function strandedHeadings(words: PdfWord[]): string[] {
  const stranded: string[] = [];
  for (let phase = 1; phase <= 8; phase += 1) {
    const firstItem = lastPageOf(words, 'Item', `${phase}.1.1`);
    if (lastPageOf(words, 'Phase', `${phase}:`, 'Stage') !== firstItem) stranded.push(`Phase ${phase}`);
    for (let topic = 1; topic <= topicCount(phase); topic += 1) {
      if (lastPageOf(words, 'Topic', `${phase}.${topic}`) !== lastPageOf(words, 'Item', `${phase}.${topic}.1`)) {
        stranded.push(`Topic ${phase}.${topic}`);
      }
    }
  }
  return stranded;
}

describe('headings are kept with their first items', () => {
  const cases: [string, BuildOptions][] = [
    ['checklist on A4', { paper: 'a4' }],
    ['checklist on A5', { paper: 'a5' }],
    ['checklist on Letter', { paper: 'letter' }],
    // The group's meeting dates and member initials sit between a phase heading and its first topic.
    [
      'study-group on Letter',
      {
        paper: 'letter',
        template: { pdf: 'study-group' },
        group: { name: 'G', members: ['Ana', 'Ben', 'Cy'] },
        settings: { overrides: { start: '2027-01-04' } },
      },
    ],
    ['handout printed on A5', { paper: 'a5', template: { pdf: 'handout' } }],
  ];
  for (const [name, options] of cases) {
    it(`never strands a heading at the foot of a page: ${name}`, async () => {
      const words = await findPdfWords(await buildPdf(name.replace(/\W+/g, '-'), options));
      const pages = new Set(words.map((word) => word.page)).size;
      expect(pages).toBeGreaterThan(2);
      expect(strandedHeadings(words)).toEqual([]);
    });
  }
});

/** Print a PDF as a printer driver would: poppler's `pdftocairo -pdf` draws what is printable (annotations with the print flag) into the pages. */
async function printThroughPoppler(file: string): Promise<string> {
  const printed = file.replace(/\.pdf$/, '.printed.pdf');
  await run('pdftocairo', ['-pdf', file, printed]);
  return printed;
}

/** Dark pixels inside a box (2.5 pt in from its edges, so its printed border does not count). */
async function darkInside(file: string, page: number, rect: { x: number; y: number; width: number; height: number }): Promise<number> {
  const rendered = await renderPage(file, page, { annotations: false });
  let dark = 0;
  for (let x = rect.x + 2.5; x <= rect.x + rect.width - 2.5; x += 1 / rendered.scale) {
    for (let y = rect.y + 2.5; y <= rect.y + rect.height - 2.5; y += 1 / rendered.scale) if (rendered.at(x, y) < 128) dark += 1;
  }
  return dark;
}

describe('a box ticked in a PDF viewer prints ticked', () => {
  it('keeps the tick when the page is printed, through the widget print flag and its appearance streams', async () => {
    const file = await buildPdf('ticked', {});
    const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
    const boxes = doc
      .getForm()
      .getFields()
      .filter((field): field is PDFCheckBox => field instanceof PDFCheckBox);
    const [ticked, unticked] = boxes;
    // What a viewer does when a reader ticks a box and saves: the field's value and the widget's state change.
    ticked!.check();
    const tickedFile = path.join(dir, 'ticked-in-viewer.pdf');
    await writeFile(tickedFile, await doc.save());
    for (const box of [ticked!, unticked!]) {
      const widget = box.acroField.getWidgets()[0]!;
      expect(widget.dict.lookup(PDFName.of('F'), PDFNumber).asNumber() & 4, 'print flag').toBe(4);
    }

    const printed = await printThroughPoppler(tickedFile);
    const tickedWidget = ticked!.acroField.getWidgets()[0]!;
    const untickedWidget = unticked!.acroField.getWidgets()[0]!;
    const pageOf = (widget: typeof tickedWidget) => doc.getPages().findIndex((page) => page.ref === widget.P()) + 1;
    expect(await darkInside(printed, pageOf(tickedWidget), tickedWidget.getRectangle())).toBeGreaterThan(5);
    expect(await darkInside(printed, pageOf(untickedWidget), untickedWidget.getRectangle())).toBe(0);

    // The oracle sees the print flag: the same tick without it prints blank.
    for (const box of boxes) for (const widget of box.acroField.getWidgets()) widget.dict.set(PDFName.of('F'), PDFNumber.of(0));
    const unflagged = path.join(dir, 'ticked-unflagged.pdf');
    await writeFile(unflagged, await doc.save());
    expect(await darkInside(await printThroughPoppler(unflagged), pageOf(tickedWidget), tickedWidget.getRectangle())).toBe(0);
  });
});
