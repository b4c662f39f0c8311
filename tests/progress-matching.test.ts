import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchProgress, similarity } from '../src/view/match-progress.js';
import { runCli } from './helpers/run-cli.js';
import { storageSettled } from './helpers/storage-settled.js';

const before = [
  '# Matching',
  '',
  '## Phase 1: Basics (Week 1)',
  '',
  '**Setup**',
  '',
  '- Installing Rust and Cargo',
  '- Read the book',
  '- Delete me later',
  '',
  '## Phase 2: Practice (Week 2)',
  '',
  '- Build a project',
  '',
].join('\n');

// Reworded, moved to another topic, a phase renamed, a topic renamed, one item deleted.
const after = [
  '# Matching',
  '',
  '## Phase 1: Basics (Week 1)',
  '',
  '**Getting set up**',
  '',
  '- Read the book',
  '- Install Rust and Cargo',
  '',
  '## Phase 2: Projects (Week 2)',
  '',
  '- Build a project',
  '',
].join('\n');

const old = {
  install: 'phase-1-basics--installing-rust-and-cargo',
  read: 'phase-1-basics--read-the-book',
  deleted: 'phase-1-basics--delete-me-later',
  build: 'phase-2-practice--build-a-project',
};
const now = {
  install: 'phase-1-basics--install-rust-and-cargo',
  read: 'phase-1-basics--read-the-book',
  build: 'phase-2-projects--build-a-project',
};

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-matching-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('progress that survives edits', () => {
  it('matches a reworded item in its part, an item of a renamed part by its text, and drops what is gone', () => {
    const saved = new Map<string, boolean>([
      [old.install, true],
      [old.read, true],
      [old.deleted, true],
      [old.build, true],
    ]);
    const result = matchProgress(saved, Object.values(now));
    expect([...result.marks]).toEqual([
      [now.read, true],
      [now.install, true],
      [now.build, true],
    ]);
    expect(result.matched).toEqual([
      { from: old.install, to: now.install },
      { from: old.build, to: now.build },
    ]);
    expect(result.dropped).toEqual([old.deleted]);
  });

  it('drops rather than guesses: two equally close items, words too far apart, an item already taken', () => {
    expect(matchProgress(new Map([['p--learn-a', true]]), ['p--learn-b', 'p--learn-c']).dropped).toEqual(['p--learn-a']);
    expect(matchProgress(new Map([['p--read-the-book', true]]), ['p--write-a-program']).dropped).toEqual(['p--read-the-book']);
    const taken = matchProgress(
      new Map([
        ['p--install-rust', true],
        ['p--install-rust-now', false],
      ]),
      ['p--install-rust-now', 'q--other'],
    );
    expect(taken.dropped).toEqual(['p--install-rust']);
    expect(similarity('installing-rust-and-cargo', 'install-rust-and-cargo')).toBeCloseTo(0.75);
  });

  it('mark --from follows the edits and says what it matched and dropped', async () => {
    const file = path.join(dir, 'mark.md');
    await writeFile(file, after);
    const progress = path.join(dir, 'progress.json');
    await writeFile(
      progress,
      JSON.stringify({
        format: 'roadmap-press-progress',
        version: 1,
        items: { [old.install]: true, [old.deleted]: true, [old.build]: 'doing' },
      }),
    );
    const result = await runCli(['mark', 'mark.md', '--from', 'progress.json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        `  ${old.install} → ${now.install} (matched: reworded or moved)`,
        `  ${old.build} → ${now.build} (matched: reworded or moved)`,
        `  ${old.deleted} (dropped: no such item any more)`,
        'mark.md: 2 items updated',
        '',
      ].join('\n'),
    );
    const text = await readFile(file, 'utf8');
    expect(text).toContain('- [x] Install Rust and Cargo');
    expect(text).toContain('- [~] Build a project');
    expect(text).toContain('- Read the book');
  });

  it("keeps the handout's saved ticks through the same edits, and says so (Chromium)", async () => {
    const markdown = path.join(dir, 'roadmap.md');
    await writeFile(markdown, before);
    const buildHtml = async () =>
      expect((await runCli(['build', 'roadmap.md', '--out', 'out', '--format', 'html', '-q'], { cwd: dir })).code).toBe(0);
    await buildHtml();
    const browser = await puppeteer.launch({
      executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    });
    try {
      const page = await browser.newPage();
      const url = pathToFileURL(path.join(dir, 'out/roadmap.html')).href;
      await page.goto(url);
      // Install: done (two clicks); Delete me: done; Build: in progress (one click).
      for (const [id, clicks] of [
        [old.install, 2],
        [old.deleted, 2],
        [old.build, 1],
      ] as const) {
        for (let click = 0; click < clicks; click += 1) await page.click(`input[data-item="${id}"]`);
      }
      await storageSettled(page);
      await writeFile(markdown, after);
      await buildHtml();
      await page.reload();
      const states = await page.$$eval('input[data-item]', (boxes) =>
        boxes.map((box) => {
          const input = box as HTMLInputElement;
          return [input.dataset.item, input.indeterminate ? 'doing' : input.checked ? 'done' : 'todo'];
        }),
      );
      expect(states).toEqual([
        [now.read, 'todo'],
        [now.install, 'done'],
        [now.build, 'doing'],
      ]);
      expect(await page.$eval('[data-message]', (message) => message.textContent)).toBe(
        'Kept the ticks of 2 items reworded or moved since; 1 no longer in this roadmap.',
      );
      expect(JSON.parse((await page.evaluate(() => localStorage.getItem('roadmap-press:progress:matching')))!)).toEqual({
        [now.install]: true,
        [now.build]: 'doing',
      });
    } finally {
      await browser.close();
    }
  });
});
