import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject } from './helpers/make-project.js';
import { runCli } from './helpers/run-cli.js';

const good = '# Good\n\n## Phase 1: Basics (Weeks 1-2)\n\n- [ ] Read the book\n- [ ] Write a program\n';
const aliases = `---\nbase: &b [1, 2, 3]\n${Array.from({ length: 60 }, (_, index) => `k${index}: *b`).join('\n')}\n---\n\n# Aliases\n\n- item\n`;
const lazy = Array.from({ length: 600 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}\nlazy ${depth}`).join('\n');

/** One project holding a good roadmap and every input that used to crash the whole build. */
async function hostileProject(): Promise<string> {
  return makeProject({
    'content/good.md': good,
    'content/bad-link.md': '# Links\n\n- [x](https://roadmap-press.invalid/field/%E0%A4%A) and [y](https://e.invalid/%E0%A4%A)\n',
    'content/aliases.md': aliases,
    'content/constructor.md': good,
    'content/toString.md': good,
    'content/__proto__.md': good,
    'content/lazy.md': `# Lazy\n\n${lazy}\n`,
    'content/huge.md': `# Huge\n\n${Array.from({ length: 400_000 }, (_, index) => `- item ${index}`).join('\n')}\n`,
  });
}

describe('one bad roadmap never takes the others down', () => {
  it('every crasher is its own positioned diagnostic; the others are built; exit 1; no stack trace', async () => {
    const cwd = await hostileProject();
    const result = await runCli(['build', '--workers', '0'], { cwd });
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toContain('crashed');
    expect(result.code).toBe(1);
    const problems = result.stderr.split('\n').filter((line) => /^content\/\S+:\d+:\d+ (error|warning)/.test(line));
    expect(problems).toEqual([
      'content/aliases.md:2:1 error Unexpected YAML aliases in front matter expanding too far, expected at most 50 alias expansions [front-matter]',
      'content/huge.md:100003:1 error Unexpected list item 100,001, expected at most 100,000 list items in one file [item-count]',
      'content/lazy.md:203:1 error Unexpected nesting 101 levels deep, expected at most 100 levels of lists and blockquotes [nesting-depth]',
    ]);
    for (const name of ['good', 'bad-link', 'constructor', 'toString', '__proto__']) {
      expect(existsSync(path.join(cwd, 'output', `${name}.html`)), name).toBe(true);
      expect(existsSync(path.join(cwd, 'output', `${name}.pdf`)), name).toBe(true);
    }
    const index = await readFile(path.join(cwd, 'output/index.html'), 'utf8');
    for (const name of ['constructor', 'toString', '__proto__']) expect(index).toContain(`href="${name}.html"`);

    // The next build finds each of them in the cache, by its own name (not Object.prototype's).
    const again = await runCli(['build', '--verbose', '--workers', '0'], { cwd });
    expect(again.stderr).not.toMatch(/^\s+at /m);
    for (const name of ['good', 'constructor', 'toString', '__proto__']) expect(again.stderr).toContain(`output/${name}.pdf (up to date)`);
  }, 120_000);

  it('the same in worker threads', async () => {
    const cwd = await hostileProject();
    const result = await runCli(['build', '--format', 'html', '--workers', '2'], { cwd });
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/aliases.md:2:1 error');
    expect(existsSync(path.join(cwd, 'output/__proto__.html'))).toBe(true);
  }, 60_000);

  it('check: the same crashers are diagnostics, not crashes', async () => {
    const cwd = await hostileProject();
    const result = await runCli(['check', 'content'], { cwd });
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Checked 8 files: 3 errors');
  }, 60_000);

  it('a real bug prints one line and where the full report was written', async () => {
    const cwd = await makeProject({ 'content/good.md': good });
    // A bug planted from outside: the CLI's own `process.cwd()` throws.
    const plant = path.join(cwd, 'plant.mjs');
    await writeFile(plant, "process.cwd = () => { throw new TypeError('planted bug'); };\n");
    const result = await runCli(['build', '--format', 'html'], { cwd, env: { NODE_OPTIONS: `--import=${plant}` } });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    const match = /^roadmap-press crashed, this is a bug: TypeError: planted bug \(full report in (\S+); please report it\)$/.exec(
      lines[0]!,
    );
    expect(match).not.toBeNull();
    const report = await readFile(match![1]!, 'utf8');
    expect(report).toContain('TypeError: planted bug');
    expect(report).toMatch(/^\s+at /m);
    expect(path.dirname(match![1]!)).toBe(os.tmpdir());
    expect((await readdir(os.tmpdir())).some((file) => path.join(os.tmpdir(), file) === match![1])).toBe(true);
  }, 60_000);
});
