import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Errors from '../src/shared/errors.js';
import type * as Api from '../src/index.js';
import type { BuildOptions, BuildResult } from '../src/index.js';
import type * as Workers from '../src/site/render-in-workers.js';
import { importCompiled } from './helpers/compiled.js';
import { threadCount } from './helpers/processes.js';
import { cliPath, repoRoot, runCli } from './helpers/run-cli.js';
import { waitForFile } from './helpers/wait-for.js';

// The compiled library: its workers load dist/'s JavaScript, where workers started from
// src/ would transpile the whole pipeline through tsx again in every thread.
const { build, TemplateError } = await importCompiled<typeof Api>('index.js');
const { InterruptedError } = await importCompiled<typeof Errors>('shared/errors.js');
const { countWorkers, maxWorkers, minJobsForWorkers } = await importCompiled<typeof Workers>('site/render-in-workers.js');

// A 1x1 PNG.
const png = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cf2200000301010018dd8db40000000049454e44ae426082',
  'hex',
);

let dir: string;
let names: string[];
/** The handout, calling helper `shout` with the title. */
let shoutTemplates: string;

/**
 * A project of 60 small roadmaps: every model fixture (warnings, errors,
 * roadmaps that cannot be modelled), one with a local and a missing image,
 * and copies of the seed; and a template that calls a helper.
 */
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-workers-'));
  const content = path.join(dir, 'content');
  await mkdir(content);
  const fixtures = path.join(repoRoot, 'tests/fixtures/model');
  for (const fixture of await readdir(fixtures)) {
    await copyFile(path.join(fixtures, fixture, 'input.md'), path.join(content, `${fixture}.md`));
  }
  await writeFile(path.join(content, 'dot.png'), png);
  await writeFile(
    path.join(content, 'pictures.md'),
    '---\nstart: 2027-01-04\n---\n# Pictures\n\n## Phase 1 (Weeks 1-2)\n\n- a dot ![dot](dot.png)\n- a missing one ![gone](gone.png)\n',
  );
  const seed = await readFile(path.join(repoRoot, 'content/rust-backend.md'));
  // At least one seed copy (`seed-1`), however many model fixtures there are.
  for (let index = 1; index === 1 || (await readdir(content)).filter((file) => file.endsWith('.md')).length < 60; index += 1) {
    await writeFile(path.join(content, `seed-${index}.md`), seed);
  }
  shoutTemplates = path.join(dir, 'shout-templates');
  await mkdir(path.join(shoutTemplates, 'handout'), { recursive: true });
  const layout = await readFile(path.join(repoRoot, 'templates/handout/layout.hbs'), 'utf8');
  await writeFile(path.join(shoutTemplates, 'handout/layout.hbs'), layout.replace('<body', '<!-- {{shout title}} --><body'));
  names = (await readdir(content)).filter((file) => file.endsWith('.md')).map((file) => file.slice(0, -3));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(out: string, options: BuildOptions = {}): Promise<BuildResult> {
  return build({
    inputs: ['content'],
    out,
    cwd: dir,
    formats: ['html', 'ics'],
    sourceDateEpoch: '1735776000',
    settings: { overrides: { start: '2027-01-04' } },
    ...options,
  });
}

/** Every file of a folder, by name; a calendar without its `DTSTAMP` (the time it was made). */
async function filesOf(folder: string): Promise<Record<string, Buffer>> {
  const files = (await readdir(folder)).sort();
  const read = async (file: string) => {
    const bytes = await readFile(path.join(folder, file));
    return file.endsWith('.ics') ? Buffer.from(bytes.toString('utf8').replace(/^DTSTAMP:.*$/gm, '')) : bytes;
  };
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, await read(file)] as const)));
}

/** The folders hold the same files, byte for byte. */
async function expectSameFiles(actualFolder: string, expectedFolder: string) {
  const expected = await filesOf(path.join(dir, expectedFolder));
  const actual = await filesOf(path.join(dir, actualFolder));
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [file, bytes] of Object.entries(expected)) expect(actual[file]!.equals(bytes), file).toBe(true);
}

/** A build result with its output folder's name taken out, to compare two builds. */
function comparable(result: BuildResult, out: string): unknown {
  return JSON.parse(JSON.stringify(result).replaceAll(`${out}/`, 'OUT/'));
}

describe('rendering on worker threads', () => {
  let main: BuildResult;
  let threads: BuildResult;
  const progress: string[] = [];

  beforeAll(async () => {
    main = await run('main', { workers: 0 });
    threads = await run('threads', { workers: 2, onProgress: ({ done, total }) => progress.push(`${done}/${total}`) });
  });

  it('writes the same bytes, cache included, and gives the same result as the main thread', async () => {
    const written = await readdir(path.join(dir, 'main'));
    expect(written).toContain('.roadmap-press-cache.json');
    expect(written.filter((file) => file.endsWith('.html')).length).toBeGreaterThan(50);
    await expectSameFiles('threads', 'main');
    expect(comparable(threads, 'threads')).toEqual(comparable(main, 'main'));
    expect(progress).toEqual(names.map((_, index) => `${index + 1}/${names.length}`));
    // The view model comes back from the worker as the same plain data.
    expect(threads.roadmaps.find((roadmap) => roadmap.name === 'seed-1')?.view?.stats.items).toBeGreaterThan(100);
  });

  it('positions a content diagnostic of a roadmap built on a worker the same way', () => {
    const reversed = threads.roadmaps.find((roadmap) => roadmap.name === 'reversed-week-range')!;
    expect(reversed.diagnostics).toContainEqual({
      severity: 'error',
      message: 'Unexpected week range 5-3, expected start ≤ end',
      line: 3,
      column: 1,
      rule: 'week-range',
    });
    const pictures = threads.roadmaps.find((roadmap) => roadmap.name === 'pictures')!;
    expect(pictures.diagnostics.map((d) => [d.line, d.rule])).toEqual([[9, 'image']]);
    expect(pictures.diagnostics[0]?.message).toMatch(/gone\.png/);
  });

  it('reports a template failing on one roadmap as the same TemplateError, and writes nothing', async () => {
    // Strict templates: `meta.flavour` is missing, and looked up in one roadmap of 60.
    const templates = path.join(dir, 'strict-templates');
    await mkdir(path.join(templates, 'handout/partials'), { recursive: true });
    const topic = await readFile(path.join(repoRoot, 'templates/handout/partials/topic.hbs'), 'utf8');
    await writeFile(
      path.join(templates, 'handout/partials/topic.hbs'),
      `${topic}{{#if (eq @root.title "Pictures")}}{{@root.meta.flavour}}{{/if}}\n`,
    );
    const failure = async (workers: number, out: string) => {
      const error = await run(out, { workers, templates, formats: ['html'] }).catch((error: unknown) => error);
      expect(error).toBeInstanceOf(TemplateError);
      expect(existsSync(path.join(dir, out))).toBe(false);
      return (error as Error).message;
    };
    const expected = await failure(0, 'failed-main');
    expect(expected).toMatch(/partials\/topic\.hbs:\d+: missing field "flavour"/);
    expect(await failure(2, 'failed-threads')).toBe(expected);
  });

  it('loads a helpers module in each worker', async () => {
    await writeFile(path.join(dir, 'helpers.mjs'), 'export const shout = (text) => String(text).toUpperCase();\n');
    await run('helpers-module', { workers: 2, templates: shoutTemplates, helpers: 'helpers.mjs', formats: ['html'] });
    expect(await readFile(path.join(dir, 'helpers-module/seed-1.html'), 'utf8')).toContain('<!-- RUST LEARNING ROADMAP');
  });

  it('renders on the main thread, silently, when the helpers are functions', async () => {
    let calls = 0;
    const shout = (text: unknown) => {
      calls += 1;
      return String(text).toUpperCase();
    };
    const result = await run('helpers-functions', { workers: 2, templates: shoutTemplates, helpers: { shout }, formats: ['html'] });
    // Every call reached this thread's closure: nothing was rendered elsewhere.
    expect(calls).toBe(result.roadmaps.filter((roadmap) => roadmap.summary !== null).length);
    expect(await readFile(path.join(dir, 'helpers-functions/seed-1.html'), 'utf8')).toContain('<!-- RUST LEARNING ROADMAP');
  });

  it('prints PDFs from checklists rendered on workers, byte for byte the same', async () => {
    const inputs = ['content/seed-1.md', 'content/pictures.md', 'content/lang-de.md'];
    await run('pdf-main', { inputs, workers: 0, formats: ['pdf'] });
    await run('pdf-threads', { inputs, workers: 2, formats: ['pdf'] });
    expect((await readdir(path.join(dir, 'pdf-threads'))).filter((file) => file.endsWith('.pdf'))).toHaveLength(3);
    await expectSameFiles('pdf-threads', 'pdf-main');
  });

  it('stops the workers when the build is aborted', async () => {
    // A helper that notes each call in a file: the test aborts once workers are rendering, then sees them stop.
    const log = path.join(dir, 'calls.log');
    await writeFile(
      path.join(dir, 'logging-helpers.mjs'),
      `import { appendFileSync } from 'node:fs';\nexport const shout = (text) => { appendFileSync(${JSON.stringify(log)}, 'x'); return String(text).toUpperCase(); };\n`,
    );
    const controller = new AbortController();
    const threadsBefore = threadCount();
    const building = run('aborted', {
      workers: 2,
      templates: shoutTemplates,
      helpers: 'logging-helpers.mjs',
      formats: ['html'],
      signal: controller.signal,
    });
    const outcome = building.catch((error: unknown) => error);
    await waitForFile(log);
    controller.abort();
    expect(await outcome).toBeInstanceOf(InterruptedError);
    const calls = (await readFile(log, 'utf8')).length;
    expect(calls).toBeLessThan(names.length);
    // Every worker thread has ended by the time the build rejects: the process has its threads of before.
    expect(threadCount()).toBe(threadsBefore);
    expect(existsSync(path.join(dir, 'aborted'))).toBe(false);
  });
});

describe('how many workers', () => {
  it('follows option workers, and by default uses one per core only for many roadmaps', () => {
    expect(countWorkers(0, 1000)).toBe(0);
    expect(countWorkers(2, 1)).toBe(1);
    expect(countWorkers(3, 40)).toBe(3);
    expect(countWorkers(undefined, 40)).toBe(0);
    const cores = Math.min(os.availableParallelism(), maxWorkers);
    expect(countWorkers(undefined, 1000)).toBe(cores > 1 ? cores : 0);
    expect([2, 4, 8].map(minJobsForWorkers)).toEqual([160, 107, 92]);
  });

  it('refuses a number of workers that is not a whole number', async () => {
    await expect(run('never', { workers: 1.5 })).rejects.toThrow(
      'Option workers must be a whole number, 0 or more (0: no worker threads), got 1.5',
    );
  });
});

describe('build --workers', () => {
  it('builds with workers from the command line, writes what --workers 0 writes, and exits', async () => {
    const main = await runCli(['build', 'content', '--out', 'cli-main', '-f', 'html', '--workers', '0', '-q'], { cwd: dir });
    const threads = await runCli(['build', 'content', '--out', 'cli-threads', '-f', 'html', '--workers', '2', '-q'], { cwd: dir });
    expect(threads.stderr).toBe(main.stderr);
    expect(threads.code).toBe(main.code);
    await expectSameFiles('cli-threads', 'cli-main');
  });

  it('exits 130 promptly on SIGINT while workers render', async () => {
    const log = path.join(dir, 'cli-calls.log');
    await writeFile(
      path.join(dir, 'cli-helpers.mjs'),
      `import { appendFileSync } from 'node:fs';\nexport const shout = (text) => { appendFileSync(${JSON.stringify(log)}, 'x'); return String(text).toUpperCase(); };\n`,
    );
    await writeFile(path.join(dir, 'roadmap.config.json'), JSON.stringify({ helpers: 'cli-helpers.mjs', templates: 'shout-templates' }));
    try {
      const child = spawn(process.execPath, [cliPath, 'build', 'content', '--out', 'cli-aborted', '-f', 'html', '--workers', '2'], {
        cwd: dir,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      await waitForFile(log);
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      // Stopped part-way: the workers did not render every roadmap first.
      expect((await readFile(log, 'utf8')).length).toBeLessThan(names.length);
      expect(stderr.trim().split('\n').at(-1)).toMatch(/^interrupted The build was interrupted/);
      expect(existsSync(path.join(dir, 'cli-aborted'))).toBe(false);
    } finally {
      await rm(path.join(dir, 'roadmap.config.json'));
    }
  });
});
