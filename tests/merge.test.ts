import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFCheckBox, PDFDocument } from 'pdf-lib';
import puppeteer from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject } from './helpers/make-project.js';
import { readPdf } from './helpers/read-pdf.js';
import { runCli } from './helpers/run-cli.js';

const roadmap = [
  '# Group roadmap',
  '',
  '## Phase 1: Basics (Week 1)',
  '',
  '- Install the toolchain',
  '- Read the book',
  '- [~] Write a program',
  '',
  '## Phase 2: Practice (Week 2)',
  '',
  '- Build a project',
  '- Review the code',
  '',
].join('\n');

const ids = {
  install: 'phase-1-basics--install-the-toolchain',
  read: 'phase-1-basics--read-the-book',
  write: 'phase-1-basics--write-a-program',
  build: 'phase-2-practice--build-a-project',
  review: 'phase-2-practice--review-the-code',
};
const progress = (items: Record<string, boolean | 'doing'>) => JSON.stringify({ format: 'roadmap-press-progress', version: 1, items });
const env = { SOURCE_DATE_EPOCH: '1' };
let dir: string;

beforeAll(async () => {
  dir = await makeProject({
    'roadmap.md': roadmap,
    'roadmap.config.json': JSON.stringify({ group: { name: 'Rustaceans', members: ['Ana Lima', 'Ben', 'Chen'] } }),
    'ana.json': progress({ [ids.install]: true, [ids.read]: true, [ids.build]: 'doing' }),
    'ben.json': progress({ [ids.install]: true, [ids.read]: false }),
    'stranger.json': progress({ 'phase-9--nothing': true }),
  });
  // Chen ticked a printed checklist in a PDF viewer.
  expect((await runCli(['build', 'roadmap.md', '--out', 'chen', '--format', 'pdf', '-q'], { cwd: dir, env })).code).toBe(0);
  const pdf = await PDFDocument.load(await readFile(path.join(dir, 'chen/roadmap.pdf')));
  pdf.getForm().getCheckBox(ids.review).check();
  await writeFile(path.join(dir, 'chen.pdf'), await pdf.save());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The PDF's member boxes that are ticked, as `item id--member id`. */
async function tickedBoxes(file: string): Promise<string[]> {
  const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  return pdf
    .getForm()
    .getFields()
    .filter((field): field is PDFCheckBox => field instanceof PDFCheckBox && field.isChecked())
    .map((box) => box.getName())
    .sort();
}

describe('roadmap-press merge', () => {
  it("writes the study group's PDF with each member's column ticked and a group bar per phase", async () => {
    const result = await runCli(
      ['merge', 'roadmap.md', '--member', 'Ana Lima=ana.json', 'Ben=ben.json', 'Chen=chen.pdf', '--out', 'group'],
      {
        cwd: dir,
        env,
      },
    );
    expect(result.stderr).toContain('Built 1 roadmap');
    expect(result.code).toBe(0);
    const file = path.join(dir, 'group/roadmap.pdf');
    expect(await tickedBoxes(file)).toEqual(
      [`${ids.install}--ana-lima`, `${ids.read}--ana-lima`, `${ids.install}--ben`, `${ids.review}--chen`].sort(),
    );
    const { text } = await readPdf(file);
    // Phase 1: Ana 2 + Ben 1 of 3 items × 3 members; phase 2: Chen 1 of 2 × 3 (Ana's item in progress shows, not counted done).
    expect(text).toContain('Phase 1: Basics 3 / 9 · group 33%');
    expect(text).toContain('Phase 2: Practice 1 / 6 · group 17%');
  });

  it('ticks the same boxes in the HTML page (Chromium)', async () => {
    const browser = await puppeteer.launch({
      executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(path.join(dir, 'group/roadmap.html')).href);
      const checked = await page.$$eval('input.member-box', (boxes) =>
        boxes.filter((box) => (box as HTMLInputElement).checked).map((box) => box.id),
      );
      expect(checked.sort()).toEqual(
        [`${ids.install}--ana-lima`, `${ids.read}--ana-lima`, `${ids.install}--ben`, `${ids.review}--chen`].sort(),
      );
      expect(await page.$$eval('.group-bar', (bars) => bars.map((bar) => bar.textContent?.trim()))).toEqual([
        '3 / 9 · group 33%',
        '1 / 6 · group 17%',
      ]);
    } finally {
      await browser.close();
    }
  });

  it('takes the members from config group.members[].progress', async () => {
    await writeFile(
      path.join(dir, 'club.config.json'),
      JSON.stringify({ group: { name: 'Club', members: [{ name: 'Ana Lima', progress: 'ana.json' }, 'Ben'] } }),
    );
    const result = await runCli(['merge', 'roadmap.md', '--config', 'club.config.json', '--out', 'club', '--format', 'pdf'], {
      cwd: dir,
      env,
    });
    expect(result.code).toBe(0);
    expect(await tickedBoxes(path.join(dir, 'club/roadmap.pdf'))).toEqual([`${ids.install}--ana-lima`, `${ids.read}--ana-lima`].sort());
  });

  it('says what is wrong with an unknown member, an unknown id, or no member at all', async () => {
    const unknownMember = await runCli(['merge', 'roadmap.md', '--member', 'Anna Lima=ana.json', '--out', 'bad'], { cwd: dir, env });
    expect(unknownMember.code).toBe(1);
    expect(unknownMember.stderr.trim()).toBe(
      'error Unknown member "Anna Lima": the group is Ana Lima, Ben, Chen (did you mean "Ana Lima"?)',
    );
    const unknownId = await runCli(['merge', 'roadmap.md', '--member', 'Ben=stranger.json', '--out', 'bad'], { cwd: dir, env });
    expect(unknownId.code).toBe(1);
    expect(unknownId.stderr.trim()).toBe(
      'error stranger.json (Ben): unknown item id phase-9--nothing, expected ids of roadmap.md (run `roadmap-press inspect roadmap.md --json` to list them)',
    );
    const none = await runCli(['merge', 'roadmap.md', '--out', 'bad'], { cwd: dir, env });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('error No member progress to merge');
    const malformed = await runCli(['merge', 'roadmap.md', '--member', 'Ben'], { cwd: dir, env });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('expected NAME=progress.json or NAME=checklist.pdf, got "Ben"');
  });
});
