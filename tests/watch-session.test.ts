import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SiteWatcher, type WatchEvent, watchSite } from '../src/serve/watch-site.js';
import { browserProcesses, isRunning } from './helpers/processes.js';
import { readPdf } from './helpers/read-pdf.js';

let dir: string;
let watcher: SiteWatcher;
const waiting: Array<(event: WatchEvent) => void> = [];
const sample = await readFile(new URL('../content/rust-backend.md', import.meta.url), 'utf8');

/** The next build event with printed PDFs (or a failure): the moment a save's PDF is ready. */
const nextEvent = (wanted: (event: WatchEvent) => boolean) =>
  new Promise<WatchEvent>((resolve) => {
    const listener = (event: WatchEvent) => {
      if (!wanted(event) && event.type !== 'failed') return;
      waiting.splice(waiting.indexOf(listener), 1);
      resolve(event);
    };
    waiting.push(listener);
  });
const isPhase = (phase: 'html' | 'pdf') => (event: WatchEvent) => event.type === 'built' && event.phase === phase;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-watch-session-'));
  await mkdir(path.join(dir, 'content'));
  await writeFile(path.join(dir, 'content/sample.md'), sample);
});

afterAll(async () => {
  await watcher?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('watchSite', () => {
  it('prints every save with the one Chromium of the session, and closes it with the watcher', async () => {
    const firstPdf = nextEvent(isPhase('pdf'));
    watcher = watchSite({
      resolveOptions: async () => ({ cwd: dir, inputs: ['content'], out: 'output', cache: true }),
      onEvent: (event) => {
        for (const listener of [...waiting]) listener(event);
      },
    });
    await watcher.ready;
    expect((await firstPdf).type).toBe('built');
    const browsers = browserProcesses(process.pid).map((info) => info.pid);
    expect(browsers).toHaveLength(1);

    for (let save = 1; save <= 3; save += 1) {
      const html = nextEvent(isPhase('html'));
      const pdf = nextEvent(isPhase('pdf'));
      const saved = performance.now();
      await writeFile(path.join(dir, 'content/sample.md'), `${sample.trimEnd()}\n- Saved item number ${save}\n`);
      expect((await html).type).toBe('built');
      const htmlMs = performance.now() - saved;
      expect((await pdf).type).toBe('built');
      const pdfMs = performance.now() - saved;
      // Not asserted (the machine may be busy): reported for docs/benchmarks.md.
      console.log(`save ${save}: HTML ${Math.round(htmlMs)} ms, PDF ${Math.round(pdfMs)} ms`);
      expect((await readPdf(path.join(dir, 'output/sample.pdf'))).text).toContain(`Saved item number ${save}`);
      expect(browserProcesses(process.pid).map((info) => info.pid)).toEqual(browsers);
    }

    await watcher.close();
    expect(isRunning(browsers[0]!)).toBe(false);
  });
});
