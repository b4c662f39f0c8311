import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../src/print/find-browser.js';
import { startDevServer, type DevServer } from '../src/serve/create-dev-server.js';

// A page reloaded by a save may connect again only after its PDF is printed: the server tells a
// connecting page each PDF's last state, and the page says "PDF ready" if it was waiting for it.
let root: string;
let server: DevServer;
let browser: Browser;

const waitForBadge = (page: Page, text: string) =>
  page.waitForFunction((expected) => document.getElementById('roadmap-press-live')?.textContent === expected, { timeout: 30_000 }, text);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-live-client-'));
  await writeFile(path.join(root, 'live.html'), '<!doctype html><html><body><h1>Live</h1></body></html>');
  await writeFile(path.join(root, 'other.html'), '<!doctype html><html><body><h1>Other</h1></body></html>');
  server = await startDevServer({ root, port: 0 });
  browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the live-reload client and the PDF state', () => {
  it('says the PDF is ready though it was printed while the page was away', async () => {
    const page = await browser.newPage();
    server.notify({ type: 'pdf', name: 'live', state: 'stale' });
    // Connecting after the event was sent: the state is told again.
    await page.goto(`${server.url}live.html`);
    await waitForBadge(page, 'PDF is being reprinted…');
    // The page is away (as during a reload) when the PDF is done.
    await page.goto('about:blank');
    server.notify({ type: 'pdf', name: 'live', state: 'ready' });
    await page.goto(`${server.url}live.html`);
    await waitForBadge(page, 'PDF ready');
    await page.close();
  });

  it('does not announce an old "ready" to a page that was not waiting for it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}live.html`);
    // Events on the stream arrive in order: once this overlay shows, the replayed state has been handled.
    server.notify({ type: 'build-error', message: 'marker' });
    await page.waitForSelector('#roadmap-press-error', { timeout: 30_000 });
    server.notify({ type: 'build-ok' });
    expect(await page.$('#roadmap-press-live')).toBeNull();
    await page.close();
  });

  it('tells a failed PDF to every page that connects', async () => {
    server.notify({ type: 'pdf', name: 'live', state: 'failed' });
    const page = await browser.newPage();
    await page.goto(`${server.url}live.html`);
    await waitForBadge(page, 'PDF failed');
    await page.goto(`${server.url}other.html`);
    server.notify({ type: 'build-error', message: 'marker' });
    await page.waitForSelector('#roadmap-press-error', { timeout: 30_000 });
    server.notify({ type: 'build-ok' });
    // Another roadmap's page does not show this one's PDF.
    expect(await page.$('#roadmap-press-live')).toBeNull();
    await page.close();
  });
});
