import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject } from './helpers/make-project.js';
import { repoRoot, runCli, type CliResult } from './helpers/run-cli.js';

const roadmap = '---\nstart: 2027-01-04\n---\n# Plan\n\n## Phase 1: Basics (Weeks 1-2)\n\n- one\n- two\n';
const projects: string[] = [];

afterAll(async () => {
  for (const project of projects) await rm(project, { recursive: true, force: true });
});

async function project(files: Record<string, string>): Promise<string> {
  const dir = await makeProject({ 'content/plan.md': roadmap, ...files });
  projects.push(dir);
  return dir;
}

/** An item partial whose second line is `line`. */
const item = (line: string) => `<li class="item" data-id="{{id}}">\n  ${line}\n</li>\n`;

/** The CLI failed with exactly this one-line message, exit 1, no stack trace. */
function expectError(result: CliResult, message: string) {
  expect(result.stderr.trim()).toBe(`error ${message}`);
  expect(result.code).toBe(1);
}

describe('template errors, each one message', () => {
  it('a syntax error names the file and line', async () => {
    const layout = (await readFile(path.join(repoRoot, 'templates/study-group/layout.hbs'), 'utf8')).split('\n');
    layout[11] = '<h1>{{#if title}</h1>';
    const dir = await project({ 'templates/study-group/layout.hbs': layout.join('\n') });
    expectError(
      await runCli(['build', '--template', 'study-group', '--format', 'html'], { cwd: dir }),
      "templates/study-group/layout.hbs:12: Expected 'CLOSE_RAW_BLOCK', 'CLOSE', 'CLOSE_UNESCAPED', 'OPEN_SEXPR', 'CLOSE_SEXPR', 'ID', 'EQUALS', 'OPEN_BLOCK_PARAMS', 'STRING', 'NUMBER', 'BOOLEAN', 'UNDEFINED', 'NULL', 'DATA', 'SEP', got 'INVALID'",
    );
  });

  it('a mismatched block names the file and line', async () => {
    const dir = await project({ 'templates/handout/partials/item.hbs': item('{{#each children}}x{{/if}}') });
    expectError(await runCli(['build', '-f', 'html'], { cwd: dir }), "templates/handout/partials/item.hbs:2: each doesn't match if");
  });

  it('a missing partial names the partial and the file that includes it', async () => {
    const dir = await project({
      'templates/handout/partials/topic.hbs': '<div class="topic">\n  {{#each items}}{{> iten}}{{/each}}\n</div>\n',
    });
    expectError(
      await runCli(['build', '-f', 'html'], { cwd: dir }),
      'templates/handout/partials/topic.hbs:2: includes partial "iten", which does not exist (no partials/iten.hbs in the template\'s folders; did you mean "item"?)',
    );
  });

  it('a partial name that leaves the template folders is refused', async () => {
    const dir = await project({ 'templates/handout/partials/item.hbs': item('{{> ../../../secret}}'), 'secret.hbs': 'secret' });
    expectError(
      await runCli(['build', '-f', 'html'], { cwd: dir }),
      'templates/handout/partials/item.hbs:2: partial "../../../secret" resolves outside the template folders',
    );
  });

  it('a partial that is a symbolic link out of the template folders is refused', async () => {
    const dir = await project({ 'secret.txt': 'do not read', 'templates/handout/partials/item.hbs': item('{{{html}}}') });
    const partials = path.join(dir, 'templates/handout/partials');
    await symlink(path.join(dir, 'secret.txt'), path.join(partials, 'notes.hbs'));
    const result = await runCli(['build', '-f', 'html'], { cwd: dir });
    expectError(
      result,
      `templates/handout/partials/notes.hbs resolves outside the template folders (to ${await realpath(path.join(dir, 'secret.txt'))})`,
    );
  });

  it('an unknown helper is named, with a suggestion', async () => {
    const dir = await project({ 'templates/handout/partials/item.hbs': item('{{formatDat due}}') });
    expectError(
      await runCli(['build', '-f', 'html'], { cwd: dir }),
      'templates/handout/partials/item.hbs:2: unknown helper "formatDat" (did you mean "formatDate"?)',
    );
  });

  it('a missing field is an error, not an empty string', async () => {
    const dir = await project({ 'templates/handout/partials/item.hbs': item('{{titel}}') });
    expectError(await runCli(['build', '-f', 'html'], { cwd: dir }), 'templates/handout/partials/item.hbs:2: missing field "titel"');
  });

  it("a failing project helper names the helper, the file and the line, and the helper's reason", async () => {
    const dir = await project({
      'roadmap.config.json': JSON.stringify({ helpers: 'helpers.mjs' }),
      'helpers.mjs':
        "export function shout(text) {\n  if (text === 'two') throw new Error('cannot shout \"two\"');\n  return text.toUpperCase();\n}\n",
      'templates/handout/partials/item.hbs': item('{{shout text}}'),
    });
    expectError(
      await runCli(['build', '-f', 'html'], { cwd: dir }),
      'templates/handout/partials/item.hbs:2: helper "shout" failed: cannot shout "two"',
    );
  });

  it('a helpers module that exports something other than functions is a config error', async () => {
    const dir = await project({
      'roadmap.config.json': JSON.stringify({ helpers: 'helpers.mjs' }),
      'helpers.mjs': 'export const shout = 42;\n',
    });
    expectError(await runCli(['build', '-f', 'html'], { cwd: dir }), 'Helpers module helpers.mjs: "shout" is not a function');
  });

  it('an unknown template is named, with a suggestion and the list', async () => {
    const dir = await project({});
    expectError(
      await runCli(['build', '-f', 'html', '--template', 'plannr'], { cwd: dir }),
      'Unknown template "plannr" (did you mean "planner"?); available: checklist, handout, planner, study-group',
    );
  });

  it('a template that extends itself, or an unknown template, is named', async () => {
    const manifest = (extend: string) => JSON.stringify({ description: 'x', formats: ['html'], extends: extend });
    const dir = await project({
      'templates/a/template.json': manifest('b'),
      'templates/b/template.json': manifest('a'),
      'templates/c/template.json': manifest('handot'),
    });
    expectError(await runCli(['build', '-f', 'html', '-t', 'a'], { cwd: dir }), 'Template "a" extends itself: a → b → a');
    expectError(
      await runCli(['build', '-f', 'html', '-t', 'c'], { cwd: dir }),
      'templates/c/template.json: extends unknown template "handot" (did you mean "handout"?); available: a, b, c, checklist, handout, planner, study-group',
    );
  });

  it('a template used for a format its manifest does not list is refused', async () => {
    const dir = await project({
      'templates/screen/template.json': JSON.stringify({ description: 'Screen only', formats: ['html'], extends: 'handout' }),
    });
    expectError(
      await runCli(['build', '-t', 'pdf=screen', '-f', 'pdf'], { cwd: dir }),
      'Template "screen" does not serve pdf (its template.json lists html)',
    );
  });

  it('an invalid manifest names the file and the key', async () => {
    const dir = await project({ 'templates/odd/template.json': JSON.stringify({ description: 'x', formats: ['docx'], colour: 'red' }) });
    expectError(
      await runCli(['build', '-f', 'html', '-t', 'odd'], { cwd: dir }),
      'templates/odd/template.json: formats.0: Invalid option: expected one of "html"|"pdf"; unknown key "colour"',
    );
  });
});

describe('a failed render', () => {
  let dir: string;
  let before: Map<string, { content: string; mtime: number }>;

  beforeAll(async () => {
    dir = await project({ 'content/other.md': '# Other\n\n- alpha\n- beta\n' });
    const first = await runCli(['build', '-f', 'html'], { cwd: dir });
    expect(first.code).toBe(0);
    before = await snapshot(path.join(dir, 'output'));
  });

  async function snapshot(folder: string) {
    const files = new Map<string, { content: string; mtime: number }>();
    for (const name of await readdir(folder)) {
      const file = path.join(folder, name);
      files.set(name, { content: await readFile(file, 'utf8'), mtime: (await stat(file)).mtimeMs });
    }
    return files;
  }

  it('writes nothing, for any roadmap, and leaves the previous output untouched', async () => {
    expect([...before.keys()].sort()).toEqual(['.roadmap-press-cache.json', 'index.html', 'other.html', 'plan.html']);
    // Only `other.md` has an item "beta": only its render fails, after `plan.md` rendered fine.
    await mkdir(path.join(dir, 'templates/handout/partials'), { recursive: true });
    await writeFile(path.join(dir, 'templates/handout/partials/item.hbs'), item('{{text}}{{#if (eq text "beta")}}{{nope}}{{/if}}'));
    const result = await runCli(['build', '-f', 'html'], { cwd: dir });
    expectError(result, 'templates/handout/partials/item.hbs:2: missing field "nope"');
    expect(await snapshot(path.join(dir, 'output'))).toEqual(before);
    expect(existsSync(path.join(dir, 'output/plan.pdf'))).toBe(false);
  });
});
