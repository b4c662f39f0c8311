#!/usr/bin/env node
// Time two (or more) builds of roadmap-press on the same PDF case, back to back: one warm-up each, then
// N runs interleaved (A, B, A, B…), so that a shared machine's load falls on every build alike. Medians.
//
//   node bench/compare-builds.mjs <case> <runs> <dist> <dist>…
//
// <case>: cold-1 (one roadmap to PDF), pdf-20 (20 roadmaps to PDF), large-5000 (the 5,000-item roadmap to
// HTML and PDF), the inputs of `npm run bench` (.bench/corpus, made by it or by bench/make-corpus.mjs).
// <dist>: a dist/ folder whose cli.js is run as the bench runs it (the file itself, with its Node flags);
// a build of an older commit: `git worktree add --detach <dir> <commit>`, link node_modules, `npm run compile`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cases = {
  'cold-1': { folder: 'one', format: 'pdf' },
  'pdf-20': { folder: 'class-20', format: 'pdf' },
  'large-5000': { folder: 'large-5000', format: 'html,pdf' },
};
const [name, runsText, ...dists] = process.argv.slice(2);
const chosen = cases[name];
const runs = Number(runsText);
if (!chosen || !(runs > 0) || dists.length === 0) {
  throw new Error(`usage: node bench/compare-builds.mjs <${Object.keys(cases).join('|')}> <runs> <dist>…`);
}
const input = path.join(root, '.bench/corpus', chosen.folder);
if (!existsSync(input)) throw new Error(`${input} is missing: run \`npm run bench\` or bench/make-corpus.mjs first`);
const out = mkdtempSync(path.join(os.tmpdir(), 'roadmap-press-compare-builds-'));
const times = dists.map(() => []);
try {
  for (let run = 0; run <= runs; run += 1) {
    dists.forEach((dist, index) => {
      const cli = path.resolve(dist, 'cli.js');
      const args = ['build', input, '--out', path.join(out, String(index)), '--format', chosen.format, '-q', '--no-cache'];
      const started = performance.now();
      const result = spawnSync(cli, args, { cwd: root, stdio: 'ignore' });
      const ms = performance.now() - started;
      if (result.status !== 0) throw new Error(`${cli} failed (exit ${result.status})`);
      if (run > 0) times[index].push(ms); // run 0 is the warm-up
    });
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
dists.forEach((dist, index) => {
  const list = times[index].map((ms) => (ms / 1000).toFixed(2)).join(', ');
  console.log(`${name} ${dist}: median ${(median(times[index]) / 1000).toFixed(3)} s (runs ${list})`);
});
