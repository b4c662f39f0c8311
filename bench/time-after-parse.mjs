#!/usr/bin/env node
// What a roadmap costs after its parse, warm, on one thread, in CPU time: `renderRoadmap` (model, view,
// HTML, nothing written) over every roadmap of a folder, then `parseInPieces` alone over the same files,
// round after round; prints the least of each over the rounds after the first, and their difference.
// Usage: node --max-semi-space-size=64 bench/time-after-parse.mjs [<folder of .md>] [rounds] [<repository with dist/>]
// (docs/benchmarks.md, "1,000 HTML, sixth pass": 200 roadmaps of .bench/corpus/html-1000, 9 rounds).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const here = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const [dir = path.join(here, '.bench/corpus/html-1000'), roundsArgument = '9', repo = here] = process.argv.slice(2);
const load = (file) => import(pathToFileURL(path.join(repo, 'dist', file)).href);
const { renderRoadmap } = await load('site/build-roadmap.js');
const { loadRenderers } = await load('render/load-renderers.js');
const { defaultPaper } = await load('model/paper-options.js');
const { defaultLayout } = await load('model/page-layout.js');
const { parseInPieces } = await load('pipeline/parse-in-pieces.js');
const { createProcessor } = await load('pipeline/create-processor.js');
const { VFile } = await import(pathToFileURL(path.join(repo, 'node_modules/vfile/index.js')).href);

const renderers = await loadRenderers({ formats: ['html'] });
const context = {
  settings: {},
  group: null,
  handout: renderers.html,
  checklist: null,
  layout: defaultLayout,
  paper: defaultPaper,
  review: null,
  groupProgress: null,
  epoch: undefined,
};
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => [name, readFileSync(path.join(dir, name))]);
const processor = createProcessor();
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const build = [];
const parse = [];
for (let round = 0; round < Number(roundsArgument); round += 1) {
  let started = cpu();
  for (const [name, source] of files) {
    const job = {
      input: { source: name, name: name.replace(/\.md$/, '') },
      file: path.join(dir, name),
      source,
      stale: ['html'],
      failure: null,
    };
    if (!(await renderRoadmap(job, context)).html) throw new Error(`No HTML for ${name}`);
  }
  build.push(cpu() - started);
  started = cpu();
  for (const [name, source] of files) parseInPieces(processor, new VFile({ value: source, path: name }));
  parse.push(cpu() - started);
}
const least = (values) => Math.min(...values.slice(1));
const [b, p] = [least(build), least(parse)];
console.log(
  `${files.length} roadmaps: build ${b.toFixed(0)} ms, parse ${p.toFixed(0)} ms, after the parse ${(b - p).toFixed(0)} ms (${((100 * (b - p)) / p).toFixed(1)}% of the parse)`,
);
