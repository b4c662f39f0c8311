import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from './helpers/read-pdf.js';
import { repoRoot, runCli } from './helpers/run-cli.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-init-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('roadmap-press init', () => {
  it('scaffolds a study-group project that builds as is, to HTML and PDF', async () => {
    const init = await runCli(['init', 'club', '--template', 'study-group'], { cwd: root });
    expect(init.code).toBe(0);
    const dir = path.join(root, 'club');
    for (const file of [
      'roadmap.config.json',
      'content/roadmap.md',
      'README.md',
      'templates/study-group/layout.hbs',
      'templates/study-group/partials/item.hbs',
      'templates/study-group/partials/topic.hbs',
      'templates/study-group/style.css',
    ]) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    // The copies are the built-in files, ready to edit.
    expect(await readFile(path.join(dir, 'templates/study-group/partials/item.hbs'), 'utf8')).toBe(
      await readFile(path.join(repoRoot, 'templates/study-group/partials/item.hbs'), 'utf8'),
    );
    expect(JSON.parse(await readFile(path.join(dir, 'roadmap.config.json'), 'utf8'))).toMatchObject({
      template: 'study-group',
      templates: 'templates',
      group: { members: ['Ana', 'Ben', 'Chloé'] },
    });

    const built = await runCli(['build'], { cwd: dir });
    expect(built.stderr).toContain('Built 1 roadmap');
    expect(built.code).toBe(0);
    const pdf = await readPdf(path.join(dir, 'output/roadmap.pdf'));
    expect(pdf.title).toBe('Our Study Group: Learning Plan');
    expect(pdf.text).toContain('OUR STUDY GROUP');
    expect(pdf.text).toContain('Tue, Jan 5');
    const html = await readFile(path.join(dir, 'output/roadmap.html'), 'utf8');
    expect(html.match(/type="checkbox"/g)).toHaveLength(3 * 11);
  });

  it('edits to the copied partial show in the next build', async () => {
    const dir = path.join(root, 'club');
    const item = path.join(dir, 'templates/study-group/partials/item.hbs');
    await writeFile(item, (await readFile(item, 'utf8')).replace('class="item__text"', 'class="item__text ours"'));
    expect((await runCli(['build', '-f', 'html'], { cwd: dir })).code).toBe(0);
    expect((await readFile(path.join(dir, 'output/roadmap.html'), 'utf8')).match(/item__text ours/g)).toHaveLength(11);
  });

  it('refuses to overwrite, and writes nothing', async () => {
    const dir = path.join(root, 'club');
    const config = await readFile(path.join(dir, 'roadmap.config.json'), 'utf8');
    await rm(path.join(dir, 'content/roadmap.md'));
    const again = await runCli(['init', 'club', '--template', 'study-group'], { cwd: root });
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(
      'error Refusing to overwrite existing files in club: roadmap.config.json, templates/study-group/layout.hbs, ' +
        'templates/study-group/partials/group-bar.hbs, templates/study-group/partials/group-style.hbs, ' +
        'templates/study-group/partials/item.hbs, templates/study-group/partials/link-notes.hbs, ' +
        'templates/study-group/partials/link-notes-style.hbs, templates/study-group/partials/member-columns.hbs, ' +
        'templates/study-group/partials/notes.hbs, templates/study-group/partials/overview.hbs, ' +
        'templates/study-group/partials/part.hbs, templates/study-group/partials/part-link-notes.hbs, ' +
        'templates/study-group/partials/roster.hbs, templates/study-group/partials/states-style.hbs, ' +
        'templates/study-group/partials/topic.hbs, templates/study-group/style.css, README.md',
    );
    expect(existsSync(path.join(dir, 'content/roadmap.md'))).toBe(false);
    expect(await readFile(path.join(dir, 'roadmap.config.json'), 'utf8')).toBe(config);
  });

  it('without --template, copies the default handout and checklist, and builds as is', async () => {
    const init = await runCli(['init'], { cwd: path.join(root) });
    expect(init.code).toBe(0);
    expect(existsSync(path.join(root, 'templates/handout/partials/item.hbs'))).toBe(true);
    expect(existsSync(path.join(root, 'templates/checklist/header.hbs'))).toBe(false);
    expect(JSON.parse(await readFile(path.join(root, 'roadmap.config.json'), 'utf8'))).toEqual({
      content: 'content',
      out: 'output',
      templates: 'templates',
    });
    const built = await runCli(['build', '-f', 'html'], { cwd: root });
    expect(built.code).toBe(0);
    expect((await readFile(path.join(root, 'output/roadmap.html'), 'utf8')).match(/type="checkbox"/g)).toHaveLength(11);
  });

  it('refuses an unknown template', async () => {
    const result = await runCli(['init', 'x', '--template', 'plannr'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'error Unknown template "plannr" (did you mean "planner"?); available: checklist, handout, planner, study-group',
    );
    expect(existsSync(path.join(root, 'x'))).toBe(false);
  });
});
