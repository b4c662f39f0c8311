#!/usr/bin/env node
// `serve` / `--watch` on the sample: how long after a save the handout is rebuilt (the page reloads)
// and the PDF is printed, with the session's one Chromium and its loaded templates. The first build
// (Chromium starting) is not counted.
// Usage: npm run compile && node bench/serve-save.mjs [--dist <dir>] [--saves <n>]
// Prints one JSON line: { saves, htmlMs, pdfMs } (medians over the saves).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { dist: { type: 'string', default: new URL('../dist', import.meta.url).pathname }, saves: { type: 'string', default: '7' } },
});
const { watchSite } = await import(pathToFileURL(path.join(path.resolve(values.dist), 'serve/watch-site.js')).href);
const sample = readFileSync(new URL('../content/rust-backend.md', import.meta.url), 'utf8');
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-serve-'));
mkdirSync(path.join(dir, 'content'));
const file = path.join(dir, 'content/sample.md');
writeFileSync(file, sample);

let listener = () => {};
const next = (phase) =>
  new Promise((resolve, reject) => {
    listener = (event) => {
      if (event.type === 'failed') reject(new Error(event.message));
      else if (event.type === 'built' && event.phase === phase) resolve();
    };
  });

const first = next('pdf');
const watcher = watchSite({
  resolveOptions: async () => ({ cwd: dir, inputs: ['content'], out: 'output', cache: true }),
  onEvent: (event) => listener(event),
});
await first;
const html = [];
const pdf = [];
try {
  for (let save = 1; save <= Number(values.saves); save += 1) {
    let htmlDone = null;
    const pdfReady = new Promise((resolve, reject) => {
      listener = (event) => {
        if (event.type === 'failed') reject(new Error(event.message));
        else if (event.type === 'built' && event.phase === 'html') htmlDone = performance.now();
        else if (event.type === 'built' && event.phase === 'pdf') resolve(performance.now());
      };
    });
    const saved = performance.now();
    writeFileSync(file, `${sample.trimEnd()}\n- Saved item number ${save}\n`);
    const printed = await pdfReady;
    html.push(htmlDone - saved);
    pdf.push(printed - saved);
  }
} finally {
  await watcher.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ saves: pdf.length, htmlMs: Math.round(median(html)), pdfMs: Math.round(median(pdf)) }));
