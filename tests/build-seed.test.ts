import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult, type RoadmapItem } from '../src/index.js';
import { processRoadmap } from '../src/pipeline/process-roadmap.js';
import { collapse, readPdf, type PdfContents } from './helpers/read-pdf.js';
import { repoRoot } from './helpers/run-cli.js';

const seed = path.join(repoRoot, 'content/rust-backend.md');
let out: string;
let result: BuildResult;
let html: Root;
let pdf: PdfContents;
let items: RoadmapItem[];

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-seed-'));
  result = await build({ inputs: [seed], out, cwd: repoRoot });
  html = fromHtml(await readFile(path.join(out, 'rust-backend.html'), 'utf8'));
  pdf = await readPdf(path.join(out, 'rust-backend.pdf'));
  const { roadmap } = await processRoadmap(await readFile(seed), seed);
  items = [...roadmap!.phases, ...roadmap!.sections].flatMap((part) => part.topics.flatMap((topic) => topic.items));
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('building the seed roadmap', () => {
  it('writes the handout, the checklist and the index', () => {
    expect(result.errors).toBe(0);
    expect(result.warnings).toBe(0);
    for (const file of ['rust-backend.html', 'rust-backend.pdf', 'index.html']) {
      expect(existsSync(path.join(out, file)), file).toBe(true);
    }
    expect(items).toHaveLength(134);
  });

  it('gives the handout one labelled checkbox per item', () => {
    const boxes = selectAll('input[type=checkbox]', html) as Element[];
    expect(boxes).toHaveLength(134);
    for (const box of boxes) {
      const id = String(box.properties.id);
      const label = select(`label[for="${id}"]`, html);
      expect(label, id).toBeDefined();
    }
    expect(new Set(boxes.map((box) => box.properties.id)).size).toBe(134);
  });

  it('shows every item text verbatim in the handout', () => {
    const labels = (selectAll('label', html) as Element[]).map((label) => collapse(toString(label)));
    expect(labels).toEqual(items.map((item) => item.text));
    expect(labels).toContain('Box<T> for heap allocation');
    expect(labels).toContain('Borrowing and references (&T and &mut T)');
  });

  it('labels phases with their week ranges and items with their weeks', () => {
    const phaseWeeks = (selectAll('.part__weeks', html) as Element[]).map((node) => toString(node));
    expect(phaseWeeks).toEqual(['Weeks 1–3', 'Weeks 4–6', 'Weeks 7–9', 'Weeks 10–14', 'Weeks 15–18', 'Ongoing']);
    const itemWeeks = new Set((selectAll('.item__week', html) as Element[]).map((node) => toString(node)));
    expect([...itemWeeks]).toEqual(Array.from({ length: 18 }, (_, index) => `Week ${index + 1}`));
  });

  it('makes a self-contained handout: one inline script, no external assets, a language', () => {
    expect(select('html', html)?.properties.lang).toBe('en');
    expect(selectAll('link, iframe, img, object, embed, script[src]', html)).toHaveLength(0);
    expect(selectAll('script', html)).toHaveLength(1);
    const withUrls = selectAll('[src], [href]', html) as Element[];
    for (const node of withUrls) {
      const url = String(node.properties.src ?? node.properties.href);
      expect(url.startsWith('#'), `${node.tagName} ${url}`).toBe(true);
    }
    expect(toString(select('style', html)!)).toContain('@media print');
  });

  it('prints every item, the title, week labels and page numbers into the PDF', () => {
    expect(pdf.title).toBe('Rust Learning Roadmap for Backend Development');
    for (const item of items) expect(pdf.text).toContain(item.text);
    expect(pdf.text).toContain('Weeks 10–14');
    expect(pdf.text).toContain('Week 18');
    expect(pdf.pages.length).toBeGreaterThan(1);
    for (const [index, page] of pdf.pages.entries()) expect(collapse(page)).toContain(`Page ${index + 1} of ${pdf.pages.length}`);
  });

  it('bookmarks every phase and topic, and declares the language', () => {
    expect(pdf.language).toBe('en');
    const [root] = pdf.outline;
    expect(root?.title).toBe('Rust Learning Roadmap for Backend Development');
    expect(root?.items.map((entry) => collapse(entry.title))).toEqual([
      'Phase 1: Fundamentals Weeks 1–3',
      'Phase 2: Intermediate Concepts Weeks 4–6',
      'Phase 3: Advanced Rust Weeks 7–9',
      'Phase 4: Backend-Specific Skills Weeks 10–14',
      'Phase 5: Production-Ready Skills Weeks 15–18',
      'Phase 6: Advanced Backend Topics Ongoing',
      'Practical Learning Tips',
    ]);
    expect(root?.items[0]?.items.map((entry) => entry.title)).toEqual([
      'Getting Started',
      'Core Language Basics',
      'Ownership System (This is crucial and unique to Rust)',
    ]);
  });

  it('links the roadmap from the index page with its counts', async () => {
    const index = fromHtml(await readFile(path.join(out, 'index.html'), 'utf8'));
    const hrefs = (selectAll('a', index) as Element[]).map((a) => a.properties.href);
    expect(hrefs).toContain('rust-backend.html');
    expect(hrefs).toContain('rust-backend.pdf');
    const text = collapse(toString(index));
    expect(text).toContain('Rust Learning Roadmap for Backend Development');
    expect(text).toContain('6 phases');
    expect(text).toContain('134 items');
  });
});
