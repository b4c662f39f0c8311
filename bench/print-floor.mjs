#!/usr/bin/env node
// The bare-print floor for a batch of PDFs: the same checklist HTML roadmap-press prints, printed with
// the same page.pdf options, by the same browser launched the same way, with the same number of pages
// at once, and nothing else (no Markdown, no templates, no form fields, no metadata).
//
//   node bench/print-floor.mjs capture <folder of .md> <documents.json>   (once, not timed)
//   node bench/print-floor.mjs print <documents.json> <out folder>        (the timed floor)
//
// `capture` runs roadmap-press's own build (dist/) and records what it hands Chromium: each
// document's HTML and page.pdf options.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dist = new URL('../dist/', import.meta.url);
const [mode, from, to] = process.argv.slice(2);

if (mode === 'capture') {
  // The concrete page class (the abstract Page only declares pdf()).
  const { CdpPage } = await import('puppeteer-core/internal/cdp/Page.js');
  const documents = [];
  const html = new WeakMap();
  const { setContent, pdf } = CdpPage.prototype;
  CdpPage.prototype.setContent = function (content, options) {
    html.set(this, content);
    return setContent.call(this, content, options);
  };
  CdpPage.prototype.pdf = function (options) {
    documents.push({ html: html.get(this), options: { ...options, timeout: 60_000 } });
    return pdf.call(this, options);
  };
  const { build } = await import(new URL('index.js', dist).href);
  await build({ inputs: [from], out: mkdtempSync(path.join(os.tmpdir(), 'print-floor-')), formats: ['pdf'], cache: false });
  writeFileSync(to, JSON.stringify(documents));
  console.error(`print-floor: captured ${documents.length} documents`);
} else if (mode === 'print') {
  const documents = JSON.parse(readFileSync(from, 'utf8'));
  const { launchBrowser } = await import(new URL('print/launch-browser.js', dist).href);
  mkdirSync(to, { recursive: true });
  const browser = await launchBrowser();
  const concurrency = Math.min(os.availableParallelism(), 4);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const page = await browser.newPage();
      for (let index = next++; index < documents.length; index = next++) {
        const { html, options } = documents[index];
        await page.setContent(html, { waitUntil: 'load' });
        writeFileSync(path.join(to, `floor-${index + 1}.pdf`), await page.pdf(options));
      }
    }),
  );
  await browser.close();
} else {
  throw new Error('usage: node bench/print-floor.mjs capture <folder> <documents.json> | print <documents.json> <out>');
}
