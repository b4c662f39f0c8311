// The floor for one cold PDF on this machine: Node start + Chromium launch + one page printed and written.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer';

const [executablePath, out, mode = 'true'] = process.argv.slice(2);
mkdirSync(path.dirname(out), { recursive: true });
const browser = await puppeteer.launch({
  executablePath,
  headless: mode === 'shell' ? 'shell' : true,
  pipe: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
const page = await browser.newPage();
await page.setContent('<!doctype html><title>floor</title><p>One page.</p>');
writeFileSync(out, await page.pdf({ format: 'A4' }));
await browser.close();
