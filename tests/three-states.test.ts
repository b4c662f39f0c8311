import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type PDFCheckBox, PDFDocument } from 'pdf-lib';
import puppeteer, { type Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, mark, processRoadmap } from '../src/index.js';
import { renderPage } from './helpers/poppler.js';
import { readPdf } from './helpers/read-pdf.js';
import { runCli } from './helpers/run-cli.js';
import { storageSettled } from './helpers/storage-settled.js';

const roadmap = [
  '# States',
  '',
  '## Phase 1: Basics (Week 1)',
  '',
  '- [x] Install the toolchain',
  '- [~] Read the book',
  '- [-] Watch the talks',
  '- Write a program',
  '',
  '**Table**',
  '',
  '| Item | Notes |',
  '| --- | --- |',
  '| [~] Row in progress | half |',
  '',
].join('\n');

const ids = {
  install: 'phase-1-basics--install-the-toolchain',
  read: 'phase-1-basics--read-the-book',
  watch: 'phase-1-basics--watch-the-talks',
  write: 'phase-1-basics--write-a-program',
  row: 'phase-1-basics--row-in-progress',
};

let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-states-'));
  await writeFile(path.join(dir, 'states.md'), roadmap);
  await build({ inputs: [path.join(dir, 'states.md')], out: path.join(dir, 'out'), cwd: dir, sourceDateEpoch: '1' });
  browser = await puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('three states', () => {
  it('models [~] and [-] as in progress, beside checked, with the marker out of the text and the id', async () => {
    const { roadmap: model } = await processRoadmap(roadmap, 'states.md');
    const items = model!.phases[0]!.topics.flatMap((topic) => topic.items);
    expect(items.map((item) => [item.id, item.text, item.checked, item.state])).toEqual([
      [ids.install, 'Install the toolchain', true, 'done'],
      [ids.read, 'Read the book', false, 'doing'],
      [ids.watch, 'Watch the talks', false, 'doing'],
      [ids.write, 'Write a program', false, 'todo'],
      [ids.row, 'Row in progress', false, 'doing'],
    ]);
    expect(items[1]!.html).toBe('Read the book');
  });

  it('prints a half-filled box for an item in progress, and counts it in the summary', async () => {
    const file = path.join(dir, 'out/states.pdf');
    expect((await readPdf(file)).text).toContain('1 done · 3 in progress');
    const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
    const rect = (id: string) => {
      const box = pdf
        .getForm()
        .getFields()
        .find((field) => field.getName() === id) as PDFCheckBox;
      return box.acroField.getWidgets()[0]!.getRectangle();
    };
    const page = await renderPage(file, 1, { annotations: false });
    // Dark pixels in the lower-left and upper-right triangles inside the box's border.
    const halves = (id: string) => {
      const { x, y, width, height } = rect(id);
      let lower = 0;
      let upper = 0;
      for (let dx = 2; dx <= width - 2; dx += 0.5) {
        for (let dy = 2; dy <= height - 2; dy += 0.5) {
          if (page.at(x + dx, y + dy) >= 128) continue;
          if (dx / width + dy / height < 0.85) lower += 1;
          else if (dx / width + dy / height > 1.15) upper += 1;
        }
      }
      return { lower, upper };
    };
    for (const id of [ids.read, ids.watch, ids.row]) {
      const { lower, upper } = halves(id);
      expect(lower, id).toBeGreaterThan(20);
      expect(upper, id).toBe(0);
    }
    expect(halves(ids.write)).toEqual({ lower: 0, upper: 0 });
  });

  it('shows an indeterminate box in the handout that cycles todo → in progress → done → todo, and counts it (Chromium)', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(dir, 'out/states.html')).href);
    const state = (id: string) =>
      page.$eval(`input[data-item="${id}"]`, (box) => {
        const input = box as HTMLInputElement;
        return input.indeterminate ? 'doing' : input.checked ? 'done' : 'todo';
      });
    const overall = () =>
      page.$eval('[data-progress=""]', (meter) => {
        const count = meter.querySelector('.meter__count')!.cloneNode(true) as Element;
        for (const hidden of Array.from(count.querySelectorAll('[hidden]'))) hidden.remove();
        return { text: count.textContent!.replace(/\s+/g, ' ').trim(), value: meter.querySelector('progress')!.value };
      });
    expect(await Promise.all(Object.values(ids).map(state))).toEqual(['done', 'doing', 'doing', 'todo', 'doing']);
    expect(await overall()).toEqual({ text: '1 of 5 done · 3 in progress', value: 2.5 });
    const seen: string[] = [];
    for (let click = 0; click < 3; click += 1) {
      await page.click(`input[data-item="${ids.write}"]`);
      seen.push(await state(ids.write));
    }
    expect(seen).toEqual(['doing', 'done', 'todo']);
    await page.click(`input[data-item="${ids.write}"]`);
    expect(await overall()).toEqual({ text: '1 of 5 done · 4 in progress', value: 3 });
    expect(await page.evaluate(() => localStorage.getItem('roadmap-press:progress:states'))).toBe(`{"${ids.write}":"doing"}`);
    await storageSettled(page);
    await page.reload();
    expect(await state(ids.write)).toBe('doing');
    await context.close();
  });

  it('writes [~] with mark --doing and from a progress file, and keeps it from an unticked PDF box', async () => {
    const file = path.join(dir, 'mark.md');
    await writeFile(file, roadmap);
    const result = await runCli(['mark', file, '--doing', ids.write, '--done', ids.read]);
    expect(result.stderr).toBe(`${file}: 2 items updated\n`);
    let text = await readFile(file, 'utf8');
    expect(text).toContain('- [~] Write a program');
    expect(text).toContain('- [x] Read the book');

    const progress = path.join(dir, 'progress.json');
    await writeFile(
      progress,
      JSON.stringify({ format: 'roadmap-press-progress', version: 1, items: { [ids.install]: 'doing', [ids.row]: true } }),
    );
    await mark(file, { from: progress });
    text = await readFile(file, 'utf8');
    expect(text).toContain('- [~] Install the toolchain');
    expect(text).toContain('| [x] Row in progress | half |');

    // A PDF box can only be ticked or not: the unticked box of an item in progress leaves it in progress.
    const pdf = await PDFDocument.load(await readFile(path.join(dir, 'out/states.pdf')));
    pdf.getForm().getCheckBox(ids.install).uncheck();
    const ticked = path.join(dir, 'ticked.pdf');
    await writeFile(ticked, await pdf.save());
    await mark(file, { from: ticked });
    text = await readFile(file, 'utf8');
    expect(text).toContain('- [~] Install the toolchain');
    expect(text).toContain('- [ ] Read the book');
    expect(text).toContain('- [-] Watch the talks');
  });
});
