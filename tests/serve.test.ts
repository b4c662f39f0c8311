import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../src/print/find-browser.js';
import { cliPath } from './helpers/run-cli.js';
import { waitForOutput } from './helpers/wait-for.js';

let dir: string;
let child: ChildProcess;
let stderr = '';
let url: string;
let browser: Browser;
const roadmap = (items: string[]) => `# Live\n\n## Phase 1 (Weeks 1-2)\n\n${items.map((item) => `- ${item}`).join('\n')}\n`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-serve-e2e-'));
  await mkdir(path.join(dir, 'content'));
  await writeFile(path.join(dir, 'content/live.md'), roadmap(['first item', 'second item']));
  child = spawn(process.execPath, [cliPath, 'serve', '--port', '0'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  url = (await waitForOutput(child.stderr!, /Serving (http:\/\/127\.0\.0\.1:\d+\/)/, 30_000))[1]!;
  browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
  if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

describe('roadmap-press serve', () => {
  it('serves the built site on 127.0.0.1', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    expect(await page.title()).toBe('Roadmaps');
    await page.goto(`${url}live.html`);
    expect(await page.$$eval('input[type=checkbox]', (boxes) => boxes.length)).toBe(2);
    await page.close();
  });

  it('reloads an open page after the roadmap is saved, and says when its PDF is ready', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/violates|Refused to|Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${url}live.html`);
    const saved = performance.now();
    await writeFile(path.join(dir, 'content/live.md'), roadmap(['first item', 'second item', 'a brand new item']));
    await page.waitForFunction(() => document.body.textContent.includes('a brand new item'), { timeout: 15_000 });
    const reloadMs = Math.round(performance.now() - saved);
    console.log(`save-to-reload: ${reloadMs} ms`);
    expect(await page.$$eval('input[type=checkbox]', (boxes) => boxes.length)).toBe(3);
    await page.waitForFunction(() => document.getElementById('roadmap-press-live')?.textContent === 'PDF ready', { timeout: 30_000 });
    // The live-reload script runs within the page's own Content-Security-Policy.
    expect(violations).toEqual([]);
    await page.close();
  });

  it('shows a build error over the page, keeps the last good output, and clears it once fixed', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}live.html`);
    await writeFile(path.join(dir, 'content/live.md'), `---\ntitle: [broken\n---\n${roadmap(['first item'])}`);
    await page.waitForSelector('#roadmap-press-error', { timeout: 15_000 });
    const overlay = await page.$eval('#roadmap-press-error', (node) => node.textContent ?? '');
    expect(overlay).toContain('content/live.md:2:');
    expect(overlay).toContain('[front-matter]');
    expect(await page.$$eval('input[type=checkbox]', (boxes) => boxes.length)).toBe(3);
    expect(stderr).toMatch(/content\/live\.md:2:\d+ error Invalid YAML front matter/);

    await writeFile(path.join(dir, 'content/live.md'), roadmap(['only item']));
    await page.waitForFunction(() => document.body.textContent.includes('only item'), { timeout: 15_000 });
    expect(await page.$('#roadmap-press-error')).toBeNull();
    await page.close();
  });

  it('stops cleanly on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
