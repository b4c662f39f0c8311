import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type RoadmapItem } from '../src/index.js';
import { listTemplates } from '../src/render/load-template.js';
import { processRoadmap } from '../src/pipeline/process-roadmap.js';
import { collapse, readPdf } from './helpers/read-pdf.js';
import { makeProject, seedWithStart } from './helpers/make-project.js';

const builtins = ['checklist', 'handout', 'planner', 'study-group'];
let project: string;
let items: RoadmapItem[];

beforeAll(async () => {
  project = await makeProject({ 'content/rust.md': await seedWithStart() });
  const { roadmap } = await processRoadmap(await readFile(path.join(project, 'content/rust.md')), 'rust.md');
  const flatten = (list: RoadmapItem[]): RoadmapItem[] => list.flatMap((item) => [item, ...flatten(item.children)]);
  items = [...roadmap!.phases, ...roadmap!.sections].flatMap((part) => part.topics.flatMap((topic) => flatten(topic.items)));
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('the built-in templates', () => {
  it('are the four roadmap templates and the index', async () => {
    expect(await listTemplates()).toEqual(['checklist', 'handout', 'index', 'planner', 'study-group']);
  });

  it.each(builtins)('%s renders the seed to HTML and PDF', async (name) => {
    const out = await mkdtemp(path.join(os.tmpdir(), `roadmap-press-${name}-`));
    try {
      const result = await build({ inputs: ['content'], out, cwd: project, template: { html: name, pdf: name } });
      expect(result.errors).toBe(0);
      expect(result.roadmaps[0]?.outputs.map((file) => path.basename(file)).sort()).toEqual(['rust.html', 'rust.pdf']);

      const html = fromHtml(await readFile(path.join(out, 'rust.html'), 'utf8'));
      expect(toString(select('title', html)!)).toBe('Rust Learning Roadmap for Backend Development');
      const ids = (selectAll('li.item', html) as Element[]).map((node) => node.properties.dataId);
      expect(ids).toHaveLength(items.length);
      expect(new Set(ids)).toEqual(new Set(items.map((item) => item.id)));
      const text = collapse(toString(select('main', html) ?? html));
      for (const item of items) expect(text).toContain(item.text);

      const pdf = await readPdf(path.join(out, 'rust.pdf'));
      expect(pdf.title).toBe('Rust Learning Roadmap for Backend Development');
      // Narrow columns may wrap a line after a hyphen: compare without white space.
      const squashed = pdf.text.replace(/\s+/g, '');
      for (const item of items) expect(squashed).toContain(item.text.replace(/\s+/g, ''));
      expect(pdf.pages.length).toBeGreaterThan(1);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('planner: a row per week with its dates and a "done on" column', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-planner-'));
    try {
      await build({ inputs: ['content'], out, cwd: project, template: { html: 'planner' }, formats: ['html'] });
      const html = fromHtml(await readFile(path.join(out, 'rust.html'), 'utf8'));
      const rows = selectAll('tr.week', html) as Element[];
      expect(rows).toHaveLength(18);
      expect(collapse(toString(select('.week__label', rows[0]!)!))).toBe('Week 1');
      expect(collapse(toString(select('.week__dates', rows[0]!)!))).toBe('Jan 4 – 10, 2027');
      expect(collapse(toString(select('.week__dates', rows[17]!)!))).toBe('May 3 – 9, 2027');
      expect(rows.every((row) => select('.week__done .done-line', row) !== undefined)).toBe(true);
      expect((selectAll('thead th', html) as Element[]).map((node) => toString(node))).toEqual(['Week', 'Plan', 'Done on']);
      // Week 1 holds the first items of phase 1, each with a box.
      const first = selectAll('.item', rows[0]!) as Element[];
      expect(first[0]?.properties.dataId).toBe(items[0]!.id);
      expect(first.every((item) => select('.box', item) !== undefined)).toBe(true);
      // The ongoing phase and the tips section follow as ordinary parts.
      const parts = (selectAll('section.part h2 .part__title', html) as Element[]).map((node) => toString(node));
      expect(parts).toEqual(['Week by week', 'Phase 6: Advanced Backend Topics', 'Practical Learning Tips']);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('shows the instructions of a heading without items as text, in the handout and the checklist', async () => {
    // An untitled topic's note: a numbered "how to" list read as instructions, not tasks (found on a real 8-week plan).
    const dir = await makeProject({
      'content/plan.md': [
        '# 8-Week Study Plan',
        '',
        '## How to use this plan',
        '1. Pick a main learning goal (exam, skill, project).',
        '2. Fill "Resources" and "Target Date" below.',
        '3. Adjust weekly hours and session lengths to fit your availability.',
        '',
        '## Outline',
        '- Weeks 1–2: Foundations',
        '- Weeks 3–4: Practice',
        '',
      ].join('\n'),
    });
    try {
      const { roadmap } = await processRoadmap(await readFile(path.join(dir, 'content/plan.md')), 'plan.md');
      const topic = roadmap!.sections.find((section) => section.title === 'How to use this plan')!.topics[0]!;
      expect(topic).toMatchObject({ title: null, items: [] });
      expect(topic.note).toContain('Pick a main learning goal');
      const result = await build({ inputs: ['content'], out: 'out', cwd: dir, formats: ['html', 'pdf'] });
      expect(result.errors).toBe(0);
      const html = fromHtml(await readFile(path.join(dir, 'out/plan.html'), 'utf8'));
      const shown = selectAll('#how-to-use-this-plan--topic .topic__text', html).map((element) => toString(element));
      expect(shown).toEqual([topic.note]);
      const pdf = await readPdf(path.join(dir, 'out/plan.pdf'));
      expect(pdf.text).toContain('Pick a main learning goal (exam, skill, project).');
      expect(pdf.text).toContain('Adjust weekly hours and session lengths to fit your availability.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
