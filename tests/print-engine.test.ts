import { chmod, copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Browser, computeExecutablePath, detectBrowserPlatform } from '@puppeteer/browsers';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import puppeteer from 'puppeteer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, BrowserError, findBrowser } from '../src/index.js';
import { accessSync, constants } from 'node:fs';
import { browserCandidates, findCachedBrowser, isHeadlessShell } from '../src/print/find-browser.js';
import { createPrinter } from '../src/print/create-printer.js';
import { prelaunch } from '../src/print/prelaunch.js';
import { launchBrowser } from '../src/print/launch-browser.js';
import type * as Api from '../src/index.js';
import { importCompiled } from './helpers/compiled.js';
import { browserProcesses, isRunning, waitForExit } from './helpers/processes.js';
import { repoRoot } from './helpers/run-cli.js';

const fixture = path.join(repoRoot, 'tests/fixtures/print/cyrillic.md');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-engine-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function copies(count: number): Promise<string> {
  const content = path.join(dir, 'content');
  await mkdir(content, { recursive: true });
  for (let index = 1; index <= count; index += 1) {
    await copyFile(fixture, path.join(content, `roadmap-${String(index).padStart(2, '0')}.md`));
  }
  return content;
}

async function pdfsIn(out: string): Promise<string[]> {
  return existsSync(out) ? (await readdir(out)).filter((file) => file.endsWith('.pdf')).sort() : [];
}

/** A PDF that pdf-lib reads, with the fixture's three checkboxes. */
async function expectCompletePdf(file: string) {
  const bytes = await readFile(file);
  expect(bytes.subarray(-6).toString('latin1'), file).toMatch(/%%EOF\s*$/);
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  expect(pdf.getForm().getFields(), file).toHaveLength(3);
}

describe('the print engine', () => {
  it('finishes a batch when the browser is killed in the middle of it', async () => {
    const content = await copies(10);
    const out = path.join(dir, 'out');
    let firstWritten: () => void = () => {};
    const written = new Promise<void>((resolve) => {
      firstWritten = resolve;
    });
    const building = build({ inputs: [content], out, cwd: dir, formats: ['pdf'], concurrency: 1, onProgress: () => firstWritten() });
    await written;
    const printedBefore = (await pdfsIn(out)).length;
    const [browser] = browserProcesses(process.pid);
    expect(browser).toBeDefined();
    process.kill(browser!.pid, 'SIGKILL');
    await waitForExit([browser!.pid]);

    const result = await building;
    expect(printedBefore).toBeLessThan(10);
    expect(result.errors).toBe(0);
    const pdfs = await pdfsIn(out);
    expect(pdfs).toHaveLength(10);
    for (const pdf of pdfs) await expectCompletePdf(path.join(out, pdf));
    expect(browserProcesses(process.pid).filter((info) => isRunning(info.pid))).toEqual([]);
  });

  it('replaces the browser every N documents and leaves none running', async () => {
    const content = await copies(5);
    const out = path.join(dir, 'out');
    const seen = new Set<number>();
    let building = true;
    const watching = (async () => {
      while (building) {
        for (const info of browserProcesses(process.pid)) seen.add(info.pid);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const result = await build({ inputs: [content], out, cwd: dir, formats: ['pdf'], concurrency: 1, recycleAfter: 2 });
    building = false;
    await watching;
    expect(result.errors).toBe(0);
    expect(await pdfsIn(out)).toHaveLength(5);
    // 5 documents, 2 per browser: 3 browsers, one after the other.
    expect(seen.size).toBe(3);
    expect([...seen].filter(isRunning)).toEqual([]);
  });

  it('reports a document that takes longer than the timeout as a print error and writes no PDF', async () => {
    const out = path.join(dir, 'out');
    const result = await build({ inputs: [fixture], out, cwd: dir, timeout: 0.001 });
    expect(result.roadmaps[0]?.diagnostics).toContainEqual({
      severity: 'error',
      message: 'Printing took longer than 0.001 s (the timeout); the PDF was not written',
      line: null,
      column: null,
      rule: 'print',
    });
    expect(result.errors).toBe(1);
    expect(result.roadmaps[0]?.outputs).toEqual(['out/cyrillic.html']);
    expect(await pdfsIn(out)).toEqual([]);
  });
});

describe('the browser pipes', () => {
  it('survive an error on a pipe after the browser is closed (an EPIPE once ended an interrupted build with exit 1)', async () => {
    const browser = await launchBrowser();
    const child = browser.process()!;
    // Closing drops puppeteer's own listeners; a CDP write still in flight then fails with EPIPE.
    await browser.close();
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    // An 'error' event nobody listens to throws: this is what killed the process.
    expect(() => child.stdio[3]!.emit('error', epipe)).not.toThrow();
    expect(() => child.stdio[4]!.emit('error', epipe)).not.toThrow();
  });
});

describe('printing offline', () => {
  let server: http.Server;
  let requests: string[];
  let origin: string;

  beforeEach(async () => {
    requests = [];
    server = http.createServer((request, response) => {
      requests.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(tinyPng());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('never fetches a remote Markdown image, warns once naming its URL, and embeds local images', async () => {
    const content = path.join(dir, 'content');
    await mkdir(content);
    await writeFile(path.join(content, 'dot.png'), tinyPng());
    await writeFile(path.join(dir, 'outside.png'), tinyPng());
    await writeFile(
      path.join(content, 'images.md'),
      [
        '# Images',
        '',
        '## Phase 1: Pictures (Week 1)',
        '',
        `- A remote cat ![cat](${origin}/cat.png) and again ![cat](${origin}/cat.png)`,
        '- A local dot ![dot](dot.png)',
        '- A file outside ![secret](../outside.png)',
        '',
      ].join('\n'),
    );
    const out = path.join(dir, 'out');
    const result = await build({ inputs: [content], out, cwd: dir });

    expect(requests).toEqual([]);
    expect(result.roadmaps[0]?.diagnostics).toEqual([
      {
        severity: 'warning',
        message: `Unexpected remote image ${origin}/cat.png (and 1 more), expected an image file inside the roadmap's folder: printed as its alt text (a badge as nothing), since printing is offline`,
        line: 5,
        column: null,
        rule: 'remote-image',
      },
      {
        severity: 'warning',
        message: "Unexpected image ../outside.png outside the roadmap's folder, expected a file inside it",
        line: 7,
        column: null,
        rule: 'image',
      },
    ]);

    const pdf = await PDFDocument.load(await readFile(path.join(out, 'images.pdf')), { updateMetadata: false });
    const xobjects = pdf.getPage(0).node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    const images = (xobjects?.entries() ?? []).filter(([, ref]) => {
      const object = pdf.context.lookup(ref);
      return object && 'dict' in object && (object.dict as PDFDict).get(PDFName.of('Subtype')) === PDFName.of('Image');
    });
    expect(images.length).toBeGreaterThan(0);

    const handout = fromHtml(await readFile(path.join(out, 'images.html'), 'utf8'));
    const sources = (selectAll('img', handout) as Element[]).map((img) => String(img.properties.src));
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatch(/^data:image\/png;base64,/);
  });
});

describe('finding and connecting to a browser', () => {
  it("finds the newest browser in puppeteer's cache", async () => {
    const platform = detectBrowserPlatform()!;
    const older = computeExecutablePath({ cacheDir: dir, browser: Browser.CHROME, buildId: '9.0.1.2', platform });
    const newer = computeExecutablePath({ cacheDir: dir, browser: Browser.CHROME, buildId: '131.0.6778.85', platform });
    for (const file of [older, newer]) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, '#!/bin/sh\n');
      await chmod(file, 0o755);
    }
    expect(findCachedBrowser({ PUPPETEER_CACHE_DIR: dir })).toBe(newer);
    expect(findCachedBrowser({ PUPPETEER_CACHE_DIR: path.join(dir, 'empty') })).toBeNull();
    // An explicit path beats PUPPETEER_EXECUTABLE_PATH, which beats the system and the cache.
    expect(findBrowser(older, { PUPPETEER_EXECUTABLE_PATH: newer })).toBe(older);
    expect(findBrowser(undefined, { PUPPETEER_EXECUTABLE_PATH: newer })).toBe(newer);
    // A headless shell in the cache is preferred to a full Chrome, even an older one.
    const shell = computeExecutablePath({ cacheDir: dir, browser: Browser.CHROMEHEADLESSSHELL, buildId: '120.0.6099.109', platform });
    await mkdir(path.dirname(shell), { recursive: true });
    await writeFile(shell, '#!/bin/sh\n');
    await chmod(shell, 0o755);
    expect(findCachedBrowser({ PUPPETEER_CACHE_DIR: dir })).toBe(shell);
  });

  it('knows a headless shell by its name, and tries the system one before the full browser', () => {
    for (const shell of [
      '/usr/bin/chromium-headless-shell',
      '/x/chrome-headless-shell',
      'C:\\chrome\\chrome-headless-shell.exe',
      '/x/headless_shell',
    ]) {
      expect(isHeadlessShell(shell), shell).toBe(true);
    }
    for (const full of ['/usr/bin/chromium', '/opt/google/chrome/chrome', '/x/headless-shell-notes/chrome']) {
      expect(isHeadlessShell(full), full).toBe(false);
    }
    expect(browserCandidates.indexOf('/usr/bin/chromium-headless-shell')).toBeLessThan(browserCandidates.indexOf('/usr/bin/chromium'));
  });

  it('prints the same checklist with the full browser and with the headless shell', async () => {
    const installed = browserCandidates.filter((file) => {
      try {
        accessSync(file, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
    const shell = installed.find(isHeadlessShell);
    const full = installed.find((file) => !isHeadlessShell(file));
    // scripts/setup.mjs installs both on Debian; elsewhere this names what is missing.
    expect(shell, 'a headless shell (apt-get install chromium-headless-shell)').toBeDefined();
    expect(full, 'a full Chromium (apt-get install chromium)').toBeDefined();
    const texts: string[] = [];
    for (const [name, browser] of [
      ['shell', shell!],
      ['full', full!],
    ] as const) {
      const out = path.join(dir, name);
      const result = await build({ inputs: [fixture], out, cwd: dir, formats: ['pdf'], browser, sourceDateEpoch: '0' });
      expect(result.errors).toBe(0);
      await expectCompletePdf(path.join(out, 'cyrillic.pdf'));
      texts.push(execFileSync('pdftotext', ['-layout', path.join(out, 'cyrillic.pdf'), '-'], { encoding: 'utf8' }));
    }
    expect(texts[0]).toContain('Неделя');
    expect(texts[0]).toBe(texts[1]);
  });

  it('prints with a running Chrome over --browser-url and --browser-ws, and leaves it running', async () => {
    const executablePath = findBrowser();
    const external = await puppeteer.launch({
      executablePath,
      headless: isHeadlessShell(executablePath) ? 'shell' : true,
      args: ['--remote-debugging-port=0', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    });
    try {
      const ws = external.wsEndpoint();
      const pagesBefore = (await external.pages()).length;
      const byUrl = await build({
        inputs: [fixture],
        out: path.join(dir, 'url'),
        cwd: dir,
        formats: ['pdf'],
        browserUrl: `http://${new URL(ws).host}`,
      });
      const byWs = await build({ inputs: [fixture], out: path.join(dir, 'ws'), cwd: dir, formats: ['pdf'], browserWs: ws });
      for (const result of [byUrl, byWs]) expect(result.errors).toBe(0);
      await expectCompletePdf(path.join(dir, 'url', 'cyrillic.pdf'));
      await expectCompletePdf(path.join(dir, 'ws', 'cyrillic.pdf'));
      expect(external.connected).toBe(true);
      expect((await external.pages()).length).toBe(pagesBefore);
    } finally {
      await external.close();
    }
  });

  it('says which endpoint it could not connect to', async () => {
    const attempt = build({ inputs: [fixture], out: path.join(dir, 'out'), cwd: dir, formats: ['pdf'], browserUrl: 'http://127.0.0.1:9' });
    await expect(attempt).rejects.toThrow(BrowserError);
    await expect(attempt).rejects.toThrow(/^Could not connect to the browser at http:\/\/127\.0\.0\.1:9: /);
    expect(await pdfsIn(path.join(dir, 'out'))).toEqual([]);
  });
});

/** A 1×1 red PNG. */
function tinyPng(): Buffer {
  return Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
}

describe('starting the browser early', () => {
  it('opens the first page while the rest loads, and prints on it', async () => {
    const opened = await prelaunch();
    expect(opened).not.toBeNull();
    const [early] = opened!.pages ?? [];
    expect(early).toBeDefined();
    const before = (await opened!.browser.pages()).length;
    const printer = createPrinter({ prelaunched: Promise.resolve(opened), concurrency: 1 });
    try {
      const html = '<!doctype html><title>t</title><p>Один</p>';
      for (let round = 0; round < 3; round += 1) {
        const printed = await printer.print(html, { header: null, footer: null });
        expect(Buffer.from(printed.pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
      // Three documents, one page: the one opened at launch.
      const pages = await opened!.browser.pages();
      expect(pages).toHaveLength(before);
      expect(pages).toContain(early);
    } finally {
      await printer.close();
    }
    expect(opened!.browser.connected).toBe(false);
  });

  it('says when every queued document is printed, and not before', async () => {
    const printer = createPrinter({ concurrency: 1 });
    try {
      const done: number[] = [];
      const prints = [0, 1, 2, 3].map((n) =>
        printer.print(`<!doctype html><title>t</title><p>${n}</p>`, { header: null, footer: null }).then(() => done.push(n)),
      );
      let seenWhenDrained = -1;
      const drained = printer.drained().then(() => (seenWhenDrained = done.length));
      await Promise.all([...prints, drained]);
      // It resolves as the last document frees its slot, when the three before it have settled.
      expect(seenWhenDrained).toBe(3);
      expect(done).toHaveLength(4);
      let idle = false;
      await printer.drained().then(() => (idle = true));
      expect(idle).toBe(true);
    } finally {
      await printer.close();
    }
  });

  it('opens a page to print on when warmed without one, and prints on it', async () => {
    const browser = await launchBrowser();
    const printer = createPrinter({ prelaunched: Promise.resolve({ browser, owned: true }), concurrency: 1 });
    try {
      const before = (await browser.pages()).length;
      await printer.warm();
      const warmed = (await browser.pages()).length;
      expect(warmed).toBe(before + 1);
      const printed = await printer.print('<!doctype html><title>t</title><p>x</p>', { header: null, footer: null });
      expect(Buffer.from(printed.pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await browser.pages()).length).toBe(warmed);
    } finally {
      await printer.close();
    }
  });

  it('opens as many pages as print at once when warmed, and prints on them', async () => {
    const browser = await launchBrowser();
    const printer = createPrinter({ prelaunched: Promise.resolve({ browser, owned: true }), concurrency: 3 });
    try {
      const before = (await browser.pages()).length;
      await printer.warm();
      const warmed = (await browser.pages()).length;
      expect(warmed).toBe(before + 3);
      const html = '<!doctype html><title>t</title><p>x</p>';
      await Promise.all([1, 2, 3].map(() => printer.print(html, { header: null, footer: null })));
      expect((await browser.pages()).length).toBe(warmed);
    } finally {
      await printer.close();
    }
  });
});

describe('printing while the rest renders', () => {
  it('prints the first checklists before the last one is rendered', async () => {
    const content = await copies(8);
    // A helper that takes 150 ms and notes when each checklist was rendered (workers share the file system).
    const stamps = path.join(dir, 'rendered.txt');
    await writeFile(
      path.join(dir, 'helpers.mjs'),
      `import { appendFileSync } from 'node:fs';\n` +
        `export const slow = () => { const until = Date.now() + 150; while (Date.now() < until); appendFileSync(${JSON.stringify(stamps)}, Date.now() + '\\n'); return ''; };\n`,
    );
    const templates = path.join(dir, 'templates');
    await mkdir(path.join(templates, 'checklist'), { recursive: true });
    const layout = await readFile(path.join(repoRoot, 'templates/checklist/layout.hbs'), 'utf8');
    await writeFile(path.join(templates, 'checklist/layout.hbs'), layout.replace('<main>', '<main>{{slow}}'));

    const browser = await launchBrowser();
    const loads: number[] = [];
    browser.on('targetcreated', (target) => {
      void target.page().then((page) => page?.on('load', () => loads.push(Date.now())));
    });
    // The compiled library, whose workers load JavaScript instead of transpiling src/ again.
    const compiled = await importCompiled<typeof Api>('index.js');
    const result = await compiled.build({
      inputs: [content],
      out: path.join(dir, 'out'),
      cwd: dir,
      formats: ['pdf'],
      templates,
      helpers: 'helpers.mjs',
      workers: 2,
      prelaunched: Promise.resolve({ browser, owned: true }),
    });
    expect(result.errors).toBe(0);
    expect(await pdfsIn(path.join(dir, 'out'))).toHaveLength(8);
    const rendered = (await readFile(stamps, 'utf8')).trim().split('\n').map(Number);
    expect(rendered).toHaveLength(8);
    expect(loads.length).toBeGreaterThanOrEqual(8);
    expect(Math.min(...loads)).toBeLessThan(Math.max(...rendered));
    expect(browser.connected).toBe(false);
  });

  it('writes nothing, and leaves no browser, when a later checklist fails to render', async () => {
    const content = await copies(6);
    await writeFile(path.join(content, 'zz-last.md'), '# Boom\n\n## Phase 1: One (Week 1)\n\n- item\n');
    const templates = path.join(dir, 'templates');
    await mkdir(path.join(templates, 'checklist'), { recursive: true });
    const layout = await readFile(path.join(repoRoot, 'templates/checklist/layout.hbs'), 'utf8');
    await writeFile(
      path.join(templates, 'checklist/layout.hbs'),
      layout.replace('<main>', '<main>{{#if (eq title "Boom")}}{{meta.flavour}}{{/if}}'),
    );
    const out = path.join(dir, 'out');
    const attempt = build({ inputs: [content], out, cwd: dir, formats: ['pdf'], templates, workers: 0 });
    await expect(attempt).rejects.toThrow(/missing field "flavour"/);
    expect(existsSync(out)).toBe(false);
    await waitForExit(browserProcesses(process.pid).map((info) => info.pid));
    expect(browserProcesses(process.pid).filter((info) => isRunning(info.pid))).toEqual([]);
  });
});
