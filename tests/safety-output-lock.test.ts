import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { makeProject } from './helpers/make-project.js';
import { runCli } from './helpers/run-cli.js';

/** The pid of a process that has exited: what a killed build leaves in its lock. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

const roadmap = (index: number) => `# Roadmap ${index}\n\n## Phase 1: Basics (Weeks 1-2)\n\n- [ ] Item ${index}\n`;

describe('one build per output folder at a time', () => {
  it('a folder held by a live build: one line naming it, exit 1, nothing written', async () => {
    const cwd = await makeProject({ 'content/a.md': roadmap(1) });
    await mkdir(path.join(cwd, 'output'));
    const lock = { pid: process.pid, host: os.hostname(), started: '2027-01-04T10:00:00.000Z' };
    await writeFile(path.join(cwd, 'output/.roadmap-press.lock'), JSON.stringify(lock));
    const result = await runCli(['build', '--format', 'html'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `error output is being built by another roadmap-press (process ${process.pid} on ${os.hostname()}, since 2027-01-04T10:00:00.000Z): wait for it to finish, or remove output/.roadmap-press.lock if that process is gone`,
    );
    expect(existsSync(path.join(cwd, 'output/a.html'))).toBe(false);
    expect(existsSync(path.join(cwd, 'output/.roadmap-press.lock'))).toBe(true);
  }, 30_000);

  it('the lock of a build that was killed is taken over, and its temporary files are removed', async () => {
    const cwd = await makeProject({ 'content/a.md': roadmap(1) });
    const pid = await deadPid();
    await mkdir(path.join(cwd, 'output/sub'), { recursive: true });
    await writeFile(path.join(cwd, 'output/.roadmap-press.lock'), JSON.stringify({ pid, host: os.hostname(), started: 'then' }));
    await writeFile(path.join(cwd, `output/.a.html.${pid}.0badf00d.tmp`), 'half a page');
    await writeFile(path.join(cwd, `output/sub/.b.pdf.${pid}.deadbeef.tmp`), '%PDF half');
    const result = await runCli(['build', '--format', 'html'], { cwd });
    expect(result.stderr).toContain('Built 1 roadmap');
    expect(result.code).toBe(0);
    const left = await readdir(path.join(cwd, 'output'), { recursive: true });
    expect(left.filter((file) => file.endsWith('.tmp') || file.endsWith('.lock'))).toEqual([]);
    expect(existsSync(path.join(cwd, 'output/a.html'))).toBe(true);
  }, 30_000);

  it('two builds started together into one folder leave outputs and a cache that agree', async () => {
    const files = Object.fromEntries(Array.from({ length: 24 }, (_, index) => [`content/r${index}.md`, roadmap(index)]));
    const cwd = await makeProject(files);
    const [portrait, landscape] = await Promise.all([
      runCli(['build', '--no-cache', '--workers', '0'], { cwd }),
      runCli(['build', '--no-cache', '--landscape', '--workers', '0'], { cwd }),
    ]);
    for (const result of [portrait, landscape]) {
      expect(result.stderr).not.toMatch(/^\s+at /m);
      if (result.code !== 0) expect(result.stderr).toMatch(/is being built by another roadmap-press \(process \d+/);
    }
    const orientations = new Set<string>();
    for (let index = 0; index < 24; index += 1) {
      const pdf = await PDFDocument.load(await readFile(path.join(cwd, `output/r${index}.pdf`)));
      const { width, height } = pdf.getPage(0).getSize();
      orientations.add(width > height ? 'landscape' : 'portrait');
    }
    expect(orientations.size).toBe(1);
    // The cache describes what is on disk: the same settings again find everything up to date.
    const again = await runCli(['build', ...(orientations.has('landscape') ? ['--landscape'] : [])], { cwd });
    expect(again.stderr).toContain('Built 24 roadmaps');
    expect(again.stderr).toMatch(/ 0 files written|up to date/);
    expect(again.stderr).not.toMatch(/\b([1-9]\d*) files? written/);
  }, 180_000);

  it('an output replaced since the cache recorded it (a build that failed half-way) is rebuilt, not called up to date', async () => {
    const cwd = await makeProject({ 'content/a.md': roadmap(1), 'content/b.md': roadmap(2) });
    expect((await runCli(['build', '--format', 'html'], { cwd })).code).toBe(0);
    // What another build, stopped before writing its cache, leaves: an output that is not the one recorded.
    await writeFile(path.join(cwd, 'output/a.html'), '<p>written by a build that never finished</p>');
    const again = await runCli(['build', '--format', 'html', '--verbose'], { cwd });
    expect(again.stderr).toContain('  output/a.html\n');
    expect(again.stderr).toContain('output/b.html (up to date)');
    expect(await readFile(path.join(cwd, 'output/a.html'), 'utf8')).toContain('Roadmap 1');
  }, 30_000);

  it('two builds of one process into one folder take turns', async () => {
    const count = 12;
    const cwd = await makeProject(
      Object.fromEntries(Array.from({ length: count }, (_, index) => [`content/r${index}.md`, roadmap(index)])),
    );
    const finished: string[] = [];
    const progress: string[] = [];
    const run = (formats: ('html' | 'ics')[]) =>
      build({
        cwd,
        formats,
        cache: false,
        workers: 0,
        settings: { overrides: { start: '2027-01-04' } },
        onProgress: () => progress.push(formats.join(',')),
      }).then((result) => {
        finished.push(formats.join(','));
        return result;
      });
    const [first, second] = await Promise.all([run(['html']), run(['html', 'ics'])]);
    expect(first.roadmaps.map((roadmap) => roadmap.outputs.length)).toEqual(Array(count).fill(1));
    expect(second.roadmaps.map((roadmap) => roadmap.outputs.length)).toEqual(Array(count).fill(2));
    // One after the other: every roadmap of one build is done before any of the other's.
    expect(progress).toEqual([...Array(count).fill(finished[0]), ...Array(count).fill(finished[1])]);
    // Whichever went second wrote the cache last, after the first had finished: it describes that build.
    const cache = JSON.parse(await readFile(path.join(cwd, 'output/.roadmap-press-cache.json'), 'utf8')) as {
      entries: Record<string, { outputs: object }>;
    };
    expect(Object.keys(cache.entries.r0!.outputs).join(',')).toBe(finished[1]);
    expect(existsSync(path.join(cwd, 'output/.roadmap-press.lock'))).toBe(false);
  }, 60_000);
});
