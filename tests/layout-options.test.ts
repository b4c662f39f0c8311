import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../src/config/load-config.js';
import { resolveBuildOptions } from '../src/site/resolve-build-options.js';
import { build, type BuildOptions } from '../src/index.js';
import { extractText } from './helpers/poppler.js';
import { repoRoot, runCli } from './helpers/run-cli.js';

const seed = path.join(repoRoot, 'content/rust-backend.md');
const greek = path.join(repoRoot, 'tests/fixtures/print/greek.md');
const mm = 72 / 25.4;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-layout-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function printOne(input: string, options: Partial<BuildOptions>): Promise<{ file: string; pdf: PDFDocument }> {
  const out = path.join(dir, 'out');
  const result = await build({ inputs: [input], out, cwd: dir, formats: ['pdf'], sourceDateEpoch: '1735776000', ...options });
  expect(result.errors).toBe(0);
  const file = path.join(out, `${path.basename(input, '.md')}.pdf`);
  return { file, pdf: await PDFDocument.load(await readFile(file), { updateMetadata: false }) };
}

function widgetRects(pdf: PDFDocument): number[][] {
  return pdf
    .getForm()
    .getFields()
    .flatMap((field) =>
      field.acroField.getWidgets().map((widget) => {
        const { x, y, width, height } = widget.getRectangle();
        return [x, y, x + width, y + height];
      }),
    );
}

describe('page layout options', () => {
  it('prints on Letter, A5 and in landscape', async () => {
    const letter = await printOne(greek, { paper: 'letter' });
    expect(letter.pdf.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
    await rm(path.join(dir, 'out'), { recursive: true });
    const a5 = await printOne(greek, { paper: 'a5', landscape: true });
    const { width, height } = a5.pdf.getPage(0).getSize();
    expect(Math.round(width / mm)).toBe(210);
    expect(Math.round(height / mm)).toBe(148);
  });

  it('keeps the content inside the margins', async () => {
    const { pdf } = await printOne(greek, { margin: '30mm 40mm' });
    const { width } = pdf.getPage(0).getSize();
    for (const [x1, , x2] of widgetRects(pdf)) {
      expect(x1).toBeGreaterThanOrEqual(40 * mm - 1);
      expect(x2).toBeLessThanOrEqual(width - 40 * mm + 1);
    }
  });

  it('starts each phase on a new page with --phase-break', async () => {
    const plain = await printOne(seed, {});
    const plainPages = plain.pdf.getPageCount();
    await rm(path.join(dir, 'out'), { recursive: true });
    const broken = await printOne(seed, { phaseBreak: true });
    const data = new Uint8Array(await readFile(broken.file));
    const document = await getDocument({ data, isEvalSupported: false }).promise;
    const titles = [
      'Phase 2: Intermediate Concepts',
      'Phase 3: Advanced Rust',
      'Phase 4: Backend-Specific Skills',
      'Phase 5: Production-Ready Skills',
      'Phase 6: Advanced Backend Topics',
      'Practical Learning Tips',
    ];
    const topLines: string[] = [];
    try {
      for (let number = 2; number <= document.numPages; number += 1) {
        const page = await document.getPage(number);
        const bodyTop = page.view[3]! - 18 * mm;
        const runs = (await page.getTextContent()).items.flatMap((item) =>
          'str' in item && item.str.trim() && item.transform[5] < bodyTop
            ? [{ text: item.str, y: Math.round(item.transform[5] as number) }]
            : [],
        );
        const top = Math.max(...runs.map((run) => run.y));
        // The heading's week range sits a little higher on the same band.
        topLines.push(
          runs
            .filter((run) => run.y >= top - 6)
            .map((run) => run.text)
            .join(''),
        );
      }
    } finally {
      await document.destroy();
    }
    // Each phase (and the closing section) is the first thing on its own page.
    for (const title of titles)
      expect(
        topLines.some((line) => line.includes(title)),
        title,
      ).toBe(true);
    const pages = topLines.length + 1;
    expect(pages).toBeGreaterThan(plainPages);
  });

  it('prints the date from SOURCE_DATE_EPOCH in the footer with --print-date, in the roadmap language', async () => {
    const seedPdf = await printOne(seed, { printDate: true });
    const text = await extractText(seedPdf.file);
    const pages = text.split('\f').filter((page) => page.trim());
    for (const page of pages) expect(page).toContain('January 2, 2025');
    await rm(path.join(dir, 'out'), { recursive: true });
    const greekPdf = await printOne(greek, { printDate: true });
    expect(await extractText(greekPdf.file)).toContain('2 Ιανουαρίου 2025');
    await rm(path.join(dir, 'out'), { recursive: true });
    const undated = await printOne(seed, {});
    expect(await extractText(undated.file)).not.toContain('2025');
  });
});

describe('layout options in the config and on the command line', () => {
  it('validates the new config keys', () => {
    expect(
      validateConfig(
        {
          paper: 'letter',
          margin: '12mm 10mm',
          landscape: true,
          phaseBreak: true,
          printDate: false,
          timeout: 30,
          recycleAfter: 10,
          browserUrl: 'http://127.0.0.1:9222',
          browserWs: 'ws://127.0.0.1:3000/chrome',
        },
        'roadmap.config.json',
      ),
    ).toEqual({
      paper: 'letter',
      margin: '12mm 10mm',
      landscape: true,
      phaseBreak: true,
      printDate: false,
      timeout: 30,
      recycleAfter: 10,
      browserUrl: 'http://127.0.0.1:9222',
      browserWs: 'ws://127.0.0.1:3000/chrome',
    });
    expect(() => validateConfig({ paper: 'b5' }, 'roadmap.config.json')).toThrow(
      'roadmap.config.json: paper: Invalid option: expected one of "a4"|"letter"|"a5"',
    );
    expect(() => validateConfig({ margin: '12 mm' }, 'roadmap.config.json')).toThrow(
      'roadmap.config.json: margin: expected 1-4 lengths such as `12mm` or `18mm 14mm` (mm, cm, in, pt, px)',
    );
    expect(() => validateConfig({ phasebreak: true }, 'roadmap.config.json')).toThrow(
      'roadmap.config.json: unknown key "phasebreak" (did you mean "phaseBreak"?)',
    );
  });

  it('lets flags win over the config', () => {
    const options = resolveBuildOptions(
      { paper: 'letter', margin: '10mm', landscape: true, timeout: 30, recycleAfter: 5 },
      { paper: 'a5', phaseBreak: true, timeout: 5 },
      { cwd: dir },
    );
    expect(options).toMatchObject({ paper: 'a5', margin: '10mm', landscape: true, phaseBreak: true, timeout: 5, recycleAfter: 5 });
  });

  it('rejects a bad --paper, --margin or --browser-url as usage errors, exit 2', async () => {
    const paper = await runCli(['build', '--paper', 'b5'], { cwd: dir });
    expect(paper.code).toBe(2);
    expect(paper.stderr).toContain("error: option '--paper <size>' argument 'b5' is invalid. expected a4, letter, a5");
    const margin = await runCli(['build', '--margin', 'wide'], { cwd: dir });
    expect(margin.code).toBe(2);
    expect(margin.stderr).toContain(
      "error: option '--margin <lengths>' argument 'wide' is invalid. expected 1-4 lengths such as `12mm` or `18mm 14mm` (mm, cm, in, pt, px)",
    );
    const url = await runCli(['build', '--browser-url', 'ws://x'], { cwd: dir });
    expect(url.code).toBe(2);
    expect(url.stderr).toContain(
      "error: option '--browser-url <url>' argument 'ws://x' is invalid. expected a URL such as http://127.0.0.1:9222",
    );
  });

  it('builds a Letter landscape PDF from the command line', async () => {
    await writeFile(path.join(dir, 'roadmap.config.json'), JSON.stringify({ paper: 'a5' }));
    const result = await runCli(['build', greek, '--out', 'out', '--format', 'pdf', '--paper', 'letter', '--landscape', '--quiet'], {
      cwd: dir,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const pdf = await PDFDocument.load(await readFile(path.join(dir, 'out', 'greek.pdf')), { updateMetadata: false });
    expect(pdf.getPage(0).getSize()).toEqual({ width: 792, height: 612 });
  });
});
