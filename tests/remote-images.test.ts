import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import puppeteer, { type Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../src/index.js';
import { isBadge } from '../src/site/replace-remote-images.js';
import { extractText } from './helpers/poppler.js';
import { collapse } from './helpers/read-pdf.js';

let dir: string;
let server: http.Server;
let requests: string[];
let origin: string;
let result: BuildResult;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-remote-images-'));
  requests = [];
  server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(404);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await writeFile(
    path.join(dir, 'remote.md'),
    [
      '# Remote images',
      '',
      '## Phase 1: Pictures (Week 1)',
      '',
      '- [![build status](https://img.shields.io/badge/build-passing-green)](https://github.com/o/r/actions) Read the README',
      `- Compare with ![Screenshot of the finished app](${origin}/shot.png) before starting`,
      '- CI ![ci](https://github.com/o/r/actions/workflows/ci.yml/badge.svg) runs on every push',
      '- No images here',
      '',
    ].join('\n'),
  );
  result = await build({ inputs: [path.join(dir, 'remote.md')], out: path.join(dir, 'out'), cwd: dir, sourceDateEpoch: '1' });
  browser = await puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('remote images in print', () => {
  it('warns once per roadmap, at the first remote image, and fetches nothing', () => {
    expect(requests).toEqual([]);
    expect(result.roadmaps[0]!.diagnostics).toEqual([
      {
        severity: 'warning',
        // The badges are dropped by the model (remark-drop-badges) before printing: only the screenshot is left to name.
        message: `Unexpected remote image ${origin}/shot.png, expected an image file inside the roadmap's folder: printed as its alt text (a badge as nothing), since printing is offline`,
        line: 6,
        column: null,
        rule: 'remote-image',
      },
    ]);
  });

  it('prints alt text for a picture and nothing for badges, with no image (no broken-image icon) in the PDF', async () => {
    const file = path.join(dir, 'out/remote.pdf');
    const text = collapse(await extractText(file));
    expect(text).toContain('Compare with Screenshot of the finished app before starting');
    expect(text).toContain('Read the README');
    expect(text).toContain('CI runs on every push');
    expect(text).not.toContain('build status');
    expect(text).not.toMatch(/\bci\b/);
    const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
    const images = pdf.context
      .enumerateIndirectObjects()
      .filter(([, object]) => object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
    expect(images).toEqual([]);
    // The badge's link went with it: the only link annotations left are none (the boxes became form fields).
    const links = pdf
      .getPages()
      .flatMap((page) => page.node.Annots()?.asArray() ?? [])
      .map((ref) => pdf.context.lookup(ref, PDFDict))
      .filter((annot) => annot.get(PDFName.of('Subtype')) === PDFName.of('Link'));
    expect(links).toEqual([]);
  });

  it('shows the same in the handout, in Chromium: no <img> left, alt text in place', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(path.join(dir, 'out/remote.html')).href);
      expect(await page.$$eval('main img', (images) => images.length)).toBe(0);
      const items = await page.$$eval('main li.item label', (labels) => labels.map((label) => label.textContent?.trim()));
      expect(items).toEqual([
        'Read the README',
        'Compare with Screenshot of the finished app before starting',
        'CI  runs on every push',
        'No images here',
      ]);
    } finally {
      await page.close();
    }
  });

  it('tells badges from pictures by host and path', () => {
    for (const badge of [
      'https://img.shields.io/npm/v/x',
      'https://badgen.net/npm/v/x',
      'https://github.com/o/r/actions/workflows/ci.yml/badge.svg',
      'https://codecov.io/gh/o/r/branch/main/graph/badge.svg',
      'https://example.com/badges/coverage.svg',
    ]) {
      expect(isBadge(badge), badge).toBe(true);
    }
    for (const picture of [
      'https://example.com/shot.png',
      'https://example.com/badger.png',
      'https://github.com/o/r/raw/main/diagram.svg',
      'not a url',
    ]) {
      expect(isBadge(picture), picture).toBe(false);
    }
  });
});
