import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFCheckBox, PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { readPdf, type PdfContents } from './helpers/read-pdf.js';
import { repoRoot } from './helpers/run-cli.js';

const source = path.join(repoRoot, 'tests/fixtures/print-tables/courses.md');
let out: string;
let pdf: PdfContents;
let fields: Map<string, boolean>;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-tables-'));
  await build({ inputs: [source], out, cwd: repoRoot, formats: ['pdf'] });
  pdf = await readPdf(path.join(out, 'courses.pdf'));
  const document = await PDFDocument.load(await readFile(path.join(out, 'courses.pdf')));
  fields = new Map(
    document
      .getForm()
      .getFields()
      .filter((field): field is PDFCheckBox => field instanceof PDFCheckBox)
      .map((field) => [field.getName(), field.isChecked()]),
  );
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('a Markdown table in the PDF checklist', () => {
  it('prints the header and every row with its other cells', () => {
    for (const text of [
      'Course',
      'Provider',
      'Hours',
      'Intro to SQL',
      'Stanford Online',
      'Relational design',
      'CMU 15-445',
      'Use The Index, Luke',
    ]) {
      expect(pdf.text).toContain(text);
    }
  });

  it('gives every row a fillable box, ticked where the first cell says [x]', () => {
    expect(fields.get('phase-1-foundations--intro-to-sql')).toBe(true);
    expect(fields.get('phase-1-foundations--relational-design')).toBe(false);
    expect(fields.get('phase-1-foundations--indexes-and-query-plans')).toBe(false);
    expect(fields.size).toBe(4);
  });

  it('shows each row its week and due date', () => {
    expect(pdf.text).toContain('Intro to SQL Due Jan 10 Week 1');
    expect(pdf.text).toContain('Indexes and query plans Due Jan 17 Week 2');
  });
});
