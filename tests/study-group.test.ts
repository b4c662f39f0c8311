import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { countPdfSquares } from './helpers/count-pdf-squares.js';
import { makeProject, seedWithStart } from './helpers/make-project.js';
import { collapse, readPdf, type PdfContents } from './helpers/read-pdf.js';

const group = {
  name: 'Rustaceans of Lisbon',
  members: ['Ana', 'Ben', 'Chloé'],
  meets: { weekday: 'tuesday' as const, time: '19:00' },
};
let project: string;
let html: Root;
let pdf: PdfContents;
let pdfFile: string;

beforeAll(async () => {
  project = await makeProject({ 'content/rust.md': await seedWithStart() });
  await build({ inputs: ['content'], out: 'output', cwd: project, template: { html: 'study-group', pdf: 'study-group' }, group });
  html = fromHtml(await readFile(path.join(project, 'output/rust.html'), 'utf8'));
  pdfFile = path.join(project, 'output/rust.pdf');
  pdf = await readPdf(pdfFile);
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('the study-group template with a 3-member group', () => {
  it('gives every item one labelled checkbox per member in HTML', () => {
    const items = selectAll('li.item', html) as Element[];
    expect(items).toHaveLength(134);
    for (const item of items) {
      const boxes = selectAll(':scope > .item__row input[type=checkbox]', item) as Element[];
      const id = String(item.properties.dataId);
      expect(boxes.map((box) => box.properties.id)).toEqual([`${id}--ana`, `${id}--ben`, `${id}--chloé`]);
      expect(boxes.map((box) => String(box.properties.ariaLabel).split(':')[0])).toEqual(['Ana', 'Ben', 'Chloé']);
    }
    const ids = (selectAll('input[type=checkbox]', html) as Element[]).map((box) => box.properties.id);
    expect(new Set(ids).size).toBe(134 * 3);
  });

  it("shows the group's name, members and a meeting date per week in HTML", () => {
    expect(toString(select('.kicker', html)!)).toBe('Rustaceans of Lisbon');
    expect(toString(select('title', html)!)).toBe('Rustaceans of Lisbon: Rust Learning Roadmap for Backend Development');
    expect((selectAll('.members-list li', html) as Element[]).map((node) => collapse(toString(node)))).toEqual([
      'A Ana',
      'B Ben',
      'C Chloé',
    ]);
    expect(collapse(toString(select('.roster__meetings h2', html)!))).toBe('Meetings · Tuesday 7:00 PM');
    const meetings = (selectAll('.meetings li', html) as Element[]).map((node) => collapse(toString(node)));
    expect(meetings).toHaveLength(18);
    // Week 1 starts on Monday 4 January 2027: the group meets the next day, then every Tuesday.
    expect(meetings.slice(0, 3)).toEqual(['Week 1 Tue, Jan 5', 'Week 2 Tue, Jan 12', 'Week 3 Tue, Jan 19']);
    expect(meetings.at(-1)).toBe('Week 18 Tue, May 4');
    expect(collapse(toString(select('.part__meetings', html)!))).toBe('Meetings: Tue, Jan 5 · Tue, Jan 12 · Tue, Jan 19');
  });

  it('prints three boxes per item, the members and the meeting dates into the PDF', async () => {
    // The boxes are 4.6 mm squares (16-17 units); the members' round 5 mm badges (18-19) are not counted.
    expect(await countPdfSquares(pdfFile, 15, 17.5)).toBe(134 * 3);
    // Each box carries its member's initial, so every item row ends in "A B C" (plus one column header per part).
    expect(pdf.text.match(/\bA B C\b/g)).toHaveLength(134 + 7);
    expect(pdf.text).toContain('RUSTACEANS OF LISBON');
    for (const name of ['Ana', 'Ben', 'Chloé']) expect(pdf.text).toContain(name);
    expect(pdf.text).toContain('MEETINGS · Tuesday 7:00 PM');
    for (const date of ['Tue, Jan 5', 'Tue, Feb 2', 'Tue, May 4']) expect(pdf.text).toContain(date);
    expect(pdf.text).toContain('Meetings: Tue, Jan 26 · Tue, Feb 2 · Tue, Feb 9');
  });

  it('makes each printed member box a fillable checkbox named by item and member', async () => {
    const document = await PDFDocument.load(await readFile(pdfFile));
    const names = document
      .getForm()
      .getFields()
      .map((field) => field.getName());
    expect(names).toHaveLength(134 * 3);
    expect(names).toContain('phase-1-fundamentals--installing-rust-and-cargo-the-package-manager--ana');
    expect(names).toContain('phase-1-fundamentals--installing-rust-and-cargo-the-package-manager--chloé');
    expect(new Set(names).size).toBe(names.length);
  });

  it('has a notes area per phase and one at the end', () => {
    expect(selectAll('.notes--part', html)).toHaveLength(6);
    expect(selectAll('.notes--final', html)).toHaveLength(1);
    expect(pdf.text.match(/\bNOTES\b/g)).toHaveLength(6);
    expect(pdf.pages.at(-1)).toContain('Notes');
  });
});

describe('the study-group template without a group', () => {
  it('keeps one box per item and says how to add a group', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-no-group-'));
    try {
      await build({ inputs: ['content'], out, cwd: project, template: { html: 'study-group' }, formats: ['html'] });
      const page = fromHtml(await readFile(path.join(out, 'rust.html'), 'utf8'));
      expect(selectAll('input[type=checkbox]', page)).toHaveLength(134);
      expect(toString(select('.hint', page)!)).toBe('Add a group to roadmap.config.json to get a column per member.');
      expect(select('.roster', page)).toBeUndefined();
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
