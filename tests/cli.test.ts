import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../src/shared/version.js';
import { repoRoot, runCli, type CliResult } from './helpers/run-cli.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-cli-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

/** No JavaScript stack trace ever reaches the user. */
function expectNoStack(result: CliResult) {
  expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(result.stderr).not.toContain('crashed');
}

describe('roadmap-press CLI usage', () => {
  it('prints help with the commands, exit 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('build [options] [inputs...]');
    expect(result.stdout).toContain('inspect [options] <file>');
  });

  it('prints its version, exit 0', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it.each([
    [['build', '--bogus'], "unknown option '--bogus'"],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['build', '--format', 'docx'], 'expected html, pdf'],
    [['inspect'], "missing required argument 'file'"],
  ])('rejects %j as a usage error, exit 2', async (args, message) => {
    const result = await runCli(args, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expectNoStack(result);
  });
});

describe('roadmap-press CLI on bad input', () => {
  it('reports invalid front matter with file:line:column, exit 1', async () => {
    await write('bad-matter.md', '---\ntitle: Fine\ntags: [a, b\n---\n# Bad\n\n- item\n');
    const result = await runCli(['inspect', 'bad-matter.md'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bad-matter\.md:3:12 error Invalid YAML front matter: .+ \[front-matter\]$/m);
    expectNoStack(result);
  });

  it('names the front matter key of the wrong type and its line', async () => {
    await write('bad-title.md', '---\nlang: en\ntitle: 42\n---\n- item\n');
    const result = await runCli(['inspect', 'bad-title.md'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bad-title\.md:3:8 error Unexpected front matter `title`: .*string.* \[front-matter\]$/m);
  });

  it('fails the build on invalid front matter and writes nothing for that file', async () => {
    const out = path.join(dir, 'out-bad');
    const result = await runCli(['build', 'bad-matter.md', '--out', out, '--format', 'html'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bad-matter\.md:3:12 error Invalid YAML front matter/m);
    expect(existsSync(path.join(out, 'bad-matter.html'))).toBe(false);
    expectNoStack(result);
  });

  it('reports a missing file, exit 1', async () => {
    const inspect = await runCli(['inspect', 'nope.md'], { cwd: dir });
    expect(inspect.code).toBe(1);
    expect(inspect.stderr.trim()).toBe('error No such file: nope.md');
    const build = await runCli(['build', 'nope.md'], { cwd: dir });
    expect(build.code).toBe(1);
    expect(build.stderr.trim()).toBe('error No such file or folder: nope.md');
  });

  it('reports an empty file as a positioned error, exit 1', async () => {
    await write('empty.md', '\n\n');
    const result = await runCli(['inspect', 'empty.md'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'empty.md:1:1 error Unexpected empty file, expected a roadmap: a `# Title` and a list of items [empty-file]',
    );
  });

  it('warns about a roadmap without items but still builds it, exit 0', async () => {
    await write('no-items.md', '# Notes\n\nJust some prose.\n');
    const out = path.join(dir, 'out-no-items');
    const result = await runCli(['build', 'no-items.md', '--out', out, '--format', 'html'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^no-items\.md:\d+:\d+ warning No checklist items, expected at least one list item .*\[no-items\]$/m);
    expect(existsSync(path.join(out, 'no-items.html'))).toBe(true);
  });

  it('keeps the previous output when a rebuild fails, and leaves no temporary file', async () => {
    const out = path.join(dir, 'out-keep');
    const source = await write('keep.md', '# Keep\n\n## Phase 1 (Week 1)\n\n- first item\n');
    const first = await runCli(['build', 'keep.md', '--out', out, '--format', 'html'], { cwd: dir });
    expect(first.code).toBe(0);
    const before = await readFile(path.join(out, 'keep.html'), 'utf8');
    expect(before).toContain('first item');

    await writeFile(source, '---\ntitle: [broken\n---\n# Keep\n\n- second item\n');
    const second = await runCli(['build', 'keep.md', '--out', out, '--format', 'html'], { cwd: dir });
    expect(second.code).toBe(1);
    expect(await readFile(path.join(out, 'keep.html'), 'utf8')).toBe(before);
    expect((await readdir(out)).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('says how to install a browser when none can be found, exit 1', async () => {
    await write('needs-pdf.md', '# PDF\n\n- item\n');
    const result = await runCli(['build', 'needs-pdf.md', '--out', path.join(dir, 'out-pdf')], {
      cwd: dir,
      env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('PUPPETEER_EXECUTABLE_PATH "/nonexistent/chrome" is not an executable file');
    expect(result.stderr).toContain('apt-get install chromium');
    expectNoStack(result);
  });
});

describe('roadmap-press inspect', () => {
  it('prints the seed model as JSON', async () => {
    const result = await runCli(['inspect', 'content/rust-backend.md', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const model = JSON.parse(result.stdout) as {
      phases: { weeks: { start: number; end: number } | null; ongoing: boolean; topics: { items: { week: number | null }[] }[] }[];
      sections: unknown[];
    };
    expect(model.phases.map((phase) => phase.weeks)).toEqual([
      { start: 1, end: 3 },
      { start: 4, end: 6 },
      { start: 7, end: 9 },
      { start: 10, end: 14 },
      { start: 15, end: 18 },
      null,
    ]);
    expect(model.phases[5]!.ongoing).toBe(true);
    expect(model.sections).toHaveLength(1);
    const weeks = model.phases.flatMap((phase) => phase.topics.flatMap((topic) => topic.items.map((item) => item.week)));
    expect(new Set(weeks.filter((week) => week !== null))).toEqual(new Set(Array.from({ length: 18 }, (_, i) => i + 1)));
  });

  it('prints a readable summary without --json', async () => {
    const result = await runCli(['inspect', 'content/rust-backend.md']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Rust Learning Roadmap for Backend Development: 6 phases, 18 weeks, 134 items');
    expect(result.stdout).toContain('phase   Phase 4: Backend-Specific Skills (Weeks 10–14): 22 items');
  });
});

describe('safety defaults', () => {
  it('never runs raw HTML from the Markdown, and shows it as written', async () => {
    await write(
      'raw.md',
      '# Raw\n\n<script>document.title = "pwned"</script>\n\n- <img src=x onerror="alert(1)"> trick\n- [link](javascript:alert(1))\n',
    );
    const out = path.join(dir, 'out-raw');
    const result = await runCli(['build', 'raw.md', '--out', out, '--format', 'html'], { cwd: dir });
    expect(result.code).toBe(0);
    const html = await readFile(path.join(out, 'raw.html'), 'utf8');
    const tree = fromHtml(html);
    expect(selectAll('img, [onerror]', tree)).toHaveLength(0);
    // The only script is the handout's own progress script, pinned by the page's Content-Security-Policy.
    const ownScript = await readFile(path.join(repoRoot, 'templates/handout/script.js'), 'utf8');
    expect((selectAll('script', tree) as Element[]).map((script) => toString(script))).toEqual([ownScript]);
    expect(html).not.toContain('javascript:');
    const labels = (selectAll('label', tree) as Element[]).map((label) => toString(label));
    // A known element (`<img>`) is read as an image, without its attributes' code; its empty alt text shows nothing.
    expect(labels.map((label) => label.trim())).toEqual(['trick', 'link']);
    expect(toString(select('.lede', tree)!)).toBe('<script>document.title = "pwned"</script>');
  });

  it('never runs code from front matter tags', async () => {
    const marker = path.join(dir, 'front-matter-ran');
    await write('tagged.md', `---\ntitle: !!js/function "function () { require('fs').writeFileSync('${marker}', '') }"\n---\n- item\n`);
    const result = await runCli(['inspect', 'tagged.md', '--json'], { cwd: dir });
    expect(existsSync(marker)).toBe(false);
    expect(result.stderr).toMatch(
      /^tagged\.md:2:8 warning Unknown YAML tag in front matter: tag:yaml\.org,2002:js\/function, its value is kept as plain text \[front-matter\]$/m,
    );
  });
});

describe('configuration', () => {
  it('applies config < front matter < flags for the language', async () => {
    const project = path.join(dir, 'configured');
    await rm(project, { recursive: true, force: true });
    await mkdir(path.join(project, 'notes'), { recursive: true });
    await writeFile(path.join(project, 'roadmap.config.json'), '{"content": "notes", "out": "site", "formats": ["html"], "lang": "de"}');
    await writeFile(path.join(project, 'notes/plain.md'), '# Plain\n\n- eins\n');
    await writeFile(path.join(project, 'notes/french.md'), '---\nlang: fr\n---\n# Français\n\n- un\n');
    const lang = async (file: string) => /<html lang="([^"]+)"/.exec(await readFile(path.join(project, 'site', file), 'utf8'))?.[1];

    expect((await runCli(['build', '-q'], { cwd: project })).code).toBe(0);
    expect(await lang('plain.html')).toBe('de');
    expect(await lang('french.html')).toBe('fr');

    expect((await runCli(['build', '-q', '--lang', 'pt-BR'], { cwd: project })).code).toBe(0);
    expect(await lang('plain.html')).toBe('pt-BR');
    expect(await lang('french.html')).toBe('pt-BR');
  });

  it('fails with one readable error on an invalid config, exit 1', async () => {
    const project = path.join(dir, 'bad-config');
    await mkdir(project, { recursive: true });
    await writeFile(path.join(project, 'roadmap.config.json'), '{"formts": ["html"]}');
    const result = await runCli(['build'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('error roadmap.config.json: unknown key "formts" (did you mean "formats"?)');
  });
});
