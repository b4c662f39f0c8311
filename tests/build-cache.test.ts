import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, type BuildOptions, type BuildResult } from '../src/index.js';
import { runCli } from './helpers/run-cli.js';

// A 1x1 PNG, and the same with a different colour.
const png = (blue: number) =>
  Buffer.from(
    `89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cf${blue.toString(16).padStart(2, '0')}00000301010018dd8db40000000049454e44ae426082`,
    'hex',
  );

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-cache-'));
  await mkdir(path.join(dir, 'content'));
  await writeFile(path.join(dir, 'content/alpha.md'), '# Alpha\n\n## Phase 1 (Weeks 1-2)\n\n- first\n- second ![dot](dot.png)\n');
  await writeFile(path.join(dir, 'content/beta.md'), '# Beta\n\n## Phase 1 (Week 1)\n\n- one\n');
  await writeFile(path.join(dir, 'content/gamma.md'), '## Stage 1\n\n- untitled roadmap\n');
  await writeFile(path.join(dir, 'content/dot.png'), png(0x22));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const names = ['alpha', 'beta', 'gamma'];

async function run(options: BuildOptions = {}): Promise<BuildResult> {
  return build({ inputs: ['content'], out: 'output', cwd: dir, ...options });
}

/** Modification times of every output, by file name. */
async function times(): Promise<Record<string, number>> {
  const entries: [string, number][] = [];
  for (const name of names) {
    for (const format of ['html', 'pdf']) {
      const file = path.join(dir, 'output', `${name}.${format}`);
      if (existsSync(file)) entries.push([`${name}.${format}`, (await stat(file)).mtimeMs]);
    }
  }
  return Object.fromEntries(entries);
}

function rebuilt(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after)
    .filter((file) => before[file] !== after[file])
    .sort();
}

describe('incremental builds', () => {
  it('rebuilds nothing when nothing changed, needs no browser, and still reports each roadmap and its warnings', async () => {
    await run();
    const before = await times();
    expect(Object.keys(before)).toHaveLength(6);

    const again = await build({ inputs: ['content'], out: 'output', cwd: dir, browser: '/nonexistent/chrome' });
    expect(rebuilt(before, await times())).toEqual([]);
    expect(again.roadmaps.map((roadmap) => roadmap.upToDate)).toEqual([
      ['html', 'pdf'],
      ['html', 'pdf'],
      ['html', 'pdf'],
    ]);
    expect(again.roadmaps.map((roadmap) => roadmap.summary?.title)).toEqual(['Alpha', 'Beta', 'gamma']);
    expect(again.roadmaps[2]!.diagnostics.map((diagnostic) => diagnostic.rule)).toContain('missing-title');
    expect(again.warnings).toBeGreaterThan(0);
    const index = await readFile(path.join(dir, 'output/index.html'), 'utf8');
    for (const name of names) expect(index).toContain(`href="${name}.pdf"`);
  });

  it('rebuilds only the roadmap whose Markdown changed', async () => {
    await run();
    const before = await times();
    await writeFile(path.join(dir, 'content/beta.md'), '# Beta\n\n## Phase 1 (Week 1)\n\n- one\n- two\n');
    const result = await run();
    expect(rebuilt(before, await times())).toEqual(['beta.html', 'beta.pdf']);
    expect(result.roadmaps.find((roadmap) => roadmap.name === 'beta')!.upToDate).toEqual([]);
    expect(await readFile(path.join(dir, 'output/beta.html'), 'utf8')).toContain('two');
  });

  it('rebuilds a roadmap whose embedded image changed', async () => {
    await run();
    const before = await times();
    await writeFile(path.join(dir, 'content/dot.png'), png(0x99));
    await run();
    expect(rebuilt(before, await times())).toEqual(['alpha.html', 'alpha.pdf']);
    expect(await readFile(path.join(dir, 'output/alpha.html'), 'utf8')).toContain(`data:image/png;base64,${png(0x99).toString('base64')}`);
  });

  it('rebuilds what a changed template serves, and only that', async () => {
    await run();
    const before = await times();
    await mkdir(path.join(dir, 'templates/handout/partials'), { recursive: true });
    const item = await readFile(path.join(import.meta.dirname, '../templates/handout/partials/item.hbs'), 'utf8');
    await writeFile(path.join(dir, 'templates/handout/partials/item.hbs'), `<!-- ours -->\n${item}`);
    await run();
    expect(rebuilt(before, await times())).toEqual(['alpha.html', 'beta.html', 'gamma.html']);
    expect(await readFile(path.join(dir, 'output/beta.html'), 'utf8')).toContain('<!-- ours -->');
  });

  it('rebuilds everything when a setting changes', async () => {
    await run();
    const before = await times();
    await run({ settings: { defaults: { lang: 'de' } } });
    expect(rebuilt(before, await times())).toHaveLength(6);
  });

  it('rebuilds an output that was deleted by hand', async () => {
    await run();
    await rm(path.join(dir, 'output/gamma.pdf'));
    const before = await times();
    const result = await run();
    expect(existsSync(path.join(dir, 'output/gamma.pdf'))).toBe(true);
    expect(rebuilt(before, await times())).toEqual(['gamma.pdf']);
    expect(result.roadmaps.find((roadmap) => roadmap.name === 'gamma')!.upToDate).toEqual(['html']);
  });

  it('removes the outputs of a deleted roadmap, and its entry in the index', async () => {
    await run();
    await rm(path.join(dir, 'content/beta.md'));
    const result = await run();
    expect(result.removed.sort()).toEqual(['output/beta.html', 'output/beta.pdf']);
    expect(existsSync(path.join(dir, 'output/beta.html'))).toBe(false);
    expect(existsSync(path.join(dir, 'output/beta.pdf'))).toBe(false);
    expect(await readFile(path.join(dir, 'output/index.html'), 'utf8')).not.toContain('beta.html');
  });

  it("keeps a broken roadmap's last good outputs, in the index and the cache, until it is fixed or deleted", async () => {
    await run();
    const good = await readFile(path.join(dir, 'output/beta.pdf'));
    await writeFile(path.join(dir, 'content/beta.md'), '---\ntitle: [oops\n---\n# Beta\n');
    const broken = await run();
    expect(broken.errors).toBe(1);
    expect(broken.roadmaps.find((roadmap) => roadmap.name === 'beta')?.summary).toBeNull();
    expect(await readFile(path.join(dir, 'output/beta.pdf'))).toEqual(good);
    const index = await readFile(path.join(dir, 'output/index.html'), 'utf8');
    expect(index).toContain('href="beta.html"');
    expect(index).toContain('href="beta.pdf"');
    // Still broken: reported again, not taken for up to date.
    expect((await run()).errors).toBe(1);
    // Deleted while broken: its outputs go too.
    await rm(path.join(dir, 'content/beta.md'));
    expect((await run()).removed.sort()).toEqual(['output/beta.html', 'output/beta.pdf']);
  });

  it('keeps the outputs of a roadmap left out of a build whose Markdown still exists', async () => {
    await run();
    await build({ inputs: ['content/alpha.md'], out: 'output', cwd: dir });
    expect(existsSync(path.join(dir, 'output/beta.pdf'))).toBe(true);
  });

  it('rebuilds everything with --no-cache', async () => {
    await run({ formats: ['html'] });
    const before = await times();
    const result = await runCli(['build', 'content', '--format', 'html', '--no-cache', '-q'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(rebuilt(before, await times())).toEqual(['alpha.html', 'beta.html', 'gamma.html']);
  });
});
