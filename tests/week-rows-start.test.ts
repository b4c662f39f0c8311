import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject } from './helpers/make-project.js';
import { collapse } from './helpers/read-pdf.js';
import { runCli } from './helpers/run-cli.js';

// tests/fixtures/projects/week-rows-start: a config with `start` and a group meeting on Tuesdays;
// `config-start.md` has no front matter `start`, `zh.md` (Chinese) has its own, 2028-02-21.
let project: string | undefined;

afterEach(async () => {
  if (project) await rm(project, { recursive: true, force: true });
  project = undefined;
});

async function buildHtml(template: string, ...flags: string[]): Promise<(name: string) => Promise<Root>> {
  project = await makeProject({}, 'week-rows-start');
  const result = await runCli(['build', '-f', 'html', '-t', template, '--workers', '0', ...flags], { cwd: project });
  expect(result.stderr).toContain('0 errors, 0 warnings');
  expect(result.code).toBe(0);
  const dir = project;
  return async (name) => fromHtml(await readFile(path.join(dir, 'output', `${name}.html`), 'utf8'));
}

const texts = (tree: Root, selector: string) => (selectAll(selector, tree) as Element[]).map((node) => collapse(toString(node)));

describe('week rows and meetings take the start date the phases take', () => {
  it('planner: the config `start` dates the week rows and meetings of a roadmap without front matter `start`', async () => {
    const read = await buildHtml('planner');
    const html = await read('config-start');
    expect(texts(html, '.week__label')).toEqual(['Week 1', 'Week 2', 'Week 3']);
    expect(texts(html, '.week__dates')).toEqual(['Jan 4 – 10, 2027', 'Jan 11 – 17, 2027', 'Jan 18 – 24, 2027']);
    expect(texts(html, '.week__meeting')).toEqual(['Tue, Jan 5, 7:00 PM', 'Tue, Jan 12, 7:00 PM', 'Tue, Jan 19, 7:00 PM']);
  });

  it('planner: `--start` beats front matter `start` in the week rows as it does in the phases', async () => {
    const read = await buildHtml('planner', '--start', '2027-03-01');
    const html = await read('zh');
    expect(texts(html, '.part__weeks').join(' ')).toContain('2027');
    expect(texts(html, '.week__dates')).toEqual(['2027/3/1 – 2027/3/7', '2027/3/8 – 2027/3/14', '2027/3/15 – 2027/3/21']);
    expect(texts(html, '.week__meeting')).toHaveLength(3);
    expect(texts(html, '.week__meeting')[0]).toMatch(/^3月2日周二/);
  });

  it("planner: a week row's label is the language's week pattern (第1周), not the word and the number (周 1)", async () => {
    const html = await (await buildHtml('planner'))('zh');
    expect(texts(html, '.week__label')).toEqual(['第1周', '第2周', '第3周']);
  });

  it('study-group: `--start` dates the meetings, labelled with the week pattern', async () => {
    const read = await buildHtml('study-group', '--start', '2027-03-01');
    const html = await read('zh');
    const meetings = texts(html, '.meetings li');
    expect(meetings).toHaveLength(3);
    expect(meetings[0]).toMatch(/^第1周 3月2日周二$/);
    expect(texts(await read('config-start'), '.meetings li')).toEqual(['Week 1 Tue, Mar 2', 'Week 2 Tue, Mar 9', 'Week 3 Tue, Mar 16']);
  });
});
