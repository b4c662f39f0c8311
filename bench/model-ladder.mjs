#!/usr/bin/env node
// How long modelling the sample repeated N times takes (parse → enrich → lint → schedule), in process.
// Usage: npm run compile && node bench/model-ladder.mjs [--dist <dir>] [--runs <n>] 50 100 200 400
// Prints one JSON line per size: { copies, kib, items, ms } (ms: median of the runs, after a warm-up of the sample).
// `--dist` points at another build's dist/ (say, one compiled from an older commit) to compare before and after.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: { dist: { type: 'string', default: new URL('../dist', import.meta.url).pathname }, runs: { type: 'string', default: '3' } },
  allowPositionals: true,
});
const { processRoadmap } = await import(pathToFileURL(path.join(path.resolve(values.dist), 'index.js')).href);
const sample = readFileSync(new URL('../content/rust-backend.md', import.meta.url), 'utf8');
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** The sample repeated: one roadmap whose phases come back `copies` times. */
export const repeatSample = (copies) => Array.from({ length: copies }, () => sample).join('\n');

await processRoadmap(sample, 'warm-up.md');
for (const copies of positionals.map(Number)) {
  const markdown = repeatSample(copies);
  const times = [];
  let items = 0;
  for (let run = 0; run < Number(values.runs); run += 1) {
    const started = performance.now();
    const { roadmap } = await processRoadmap(markdown, 'ladder.md');
    times.push(performance.now() - started);
    items = roadmap.phases.reduce((sum, phase) => sum + phase.topics.reduce((s, topic) => s + topic.items.length, 0), 0);
  }
  const kib = Math.round(Buffer.byteLength(markdown) / 1024);
  console.log(JSON.stringify({ copies, kib, items, ms: Math.round(median(times)) }));
}
