import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { makeProject, seedWithStart } from './helpers/make-project.js';
import { repoRoot } from './helpers/run-cli.js';

const projects: string[] = [];
afterAll(async () => {
  for (const project of projects) await rm(project, { recursive: true, force: true });
});

async function buildHtml(project: string, options: Parameters<typeof build>[0] = {}): Promise<Root> {
  await build({ inputs: ['content'], out: 'output', cwd: project, formats: ['html'], ...options });
  return fromHtml(await readFile(path.join(project, 'output/rust.html'), 'utf8'));
}

/** The page with every item list emptied: what must not change when only items are overridden. */
function withoutItems(tree: Root): string {
  for (const list of selectAll('ul.items', tree) as Element[]) list.children = [];
  return toHtml(tree);
}

describe('overriding one partial', () => {
  let builtin: Root;
  let overridden: Root;

  beforeAll(async () => {
    const plain = await makeProject({ 'content/rust.md': await seedWithStart() });
    const custom = await makeProject({ 'content/rust.md': await seedWithStart() }, 'override-item');
    projects.push(plain, custom);
    builtin = await buildHtml(plain);
    overridden = await buildHtml(custom);
  });

  it("uses the project's templates/handout/partials/item.hbs for every item", () => {
    const items = selectAll('li.item--custom', overridden) as Element[];
    // The override does not render sub-items: the seed has 134 items, none nested.
    expect(items).toHaveLength(134);
    expect(toString(items[0]!)).toBe('★ Installing Rust and Cargo (the package manager)');
    expect(selectAll('input[type=checkbox]', overridden)).toHaveLength(0);
    expect(selectAll('input[type=checkbox]', builtin)).toHaveLength(134);
  });

  it('changes nothing else: layout, parts, topics and style are the built-in ones', () => {
    expect(withoutItems(overridden)).toBe(withoutItems(builtin));
  });
});

describe('extends', () => {
  let project: string;
  let page: Root;

  beforeAll(async () => {
    project = await makeProject({ 'content/rust.md': await seedWithStart() }, 'extends');
    projects.push(project);
    page = await buildHtml(project, {
      template: { html: 'my-group' },
      group: { name: 'Rustaceans of Lisbon', members: ['Ana', 'Ben', 'Chloé'] },
    });
  });

  it("uses the extending template's own partial and words", () => {
    expect(toString(select('.notes--ours .notes__hint', page)!)).toBe('Bring one question each to Rustaceans of Lisbon.');
    const titles = (selectAll('.notes__title, .notes--final h2', page) as Element[]).map((node) => toString(node));
    expect(titles).toEqual(Array.from({ length: 7 }, () => 'Questions for the next meeting'));
  });

  it('falls back to study-group for its other files, and study-group to checklist', () => {
    // study-group's item partial: a box per member.
    for (const item of selectAll('li.item', page) as Element[]) {
      expect(selectAll(':scope > .item__row input[type=checkbox]', item)).toHaveLength(3);
    }
    // checklist's overview partial.
    expect(select('.overview table.phases', page)).toBeDefined();
  });

  it('stacks the styles: checklist, then study-group, then its own', async () => {
    const css = toString(select('style', page)!);
    const own = css.indexOf('/* my-group: our colours */');
    const studyGroup = css.indexOf('/* roadmap-press study-group tracker');
    const checklist = css.indexOf('/* roadmap-press checklist');
    expect(checklist).toBe(0);
    expect(studyGroup).toBeGreaterThan(checklist);
    expect(own).toBeGreaterThan(studyGroup);
    const builtinCss = await readFile(path.join(repoRoot, 'templates/study-group/style.css'), 'utf8');
    expect(css).toContain(builtinCss.trim());
  });
});

describe('choosing a template per format', () => {
  it('renders HTML and PDF with different templates', async () => {
    const project = await makeProject({ 'content/rust.md': await seedWithStart() });
    projects.push(project);
    const page = await buildHtml(project, { template: { html: 'planner', pdf: 'study-group' } });
    expect(select('body.planner', page)).toBeDefined();
  });
});
