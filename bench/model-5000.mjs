#!/usr/bin/env node
// How long modelling a 5,000-item roadmap takes (parse → enrich → lint → schedule), median of 7 runs.
// Usage: npm run compile && node bench/model-5000.mjs
// Three shapes: the seed's own items repeated (real text: code spans, `Box<T>`, links), plain short items,
// and items that each carry a code span and a link. Not a test: timings depend on the machine.
import { readFileSync } from 'node:fs';
import { processRoadmap } from '../dist/index.js';

const total = 5000;
const seed = readFileSync(new URL('../content/rust-backend.md', import.meta.url), 'utf8');
const seedItems = seed
  .split('\n')
  .filter((line) => /^\s*(?:[-*]|\d+\.)\s/.test(line))
  .map((line) => line.trim().replace(/^(?:[-*]|\d+\.)\s+/, ''));

function roadmap(itemText) {
  const perPhase = 200;
  let markdown = '---\nstart: 2027-01-04\n---\n\n# Five Thousand Items\n\n';
  for (let phase = 0; phase < total / perPhase; phase += 1) {
    markdown += `## Phase ${phase + 1}: Part ${phase + 1} (Weeks ${phase * 2 + 1}-${phase * 2 + 2})\n\n**Topic**\n\n`;
    for (let item = 0; item < perPhase; item += 1) markdown += `- ${itemText(phase * perPhase + item)}\n`;
    markdown += '\n';
  }
  return markdown;
}

const shapes = {
  'seed items': roadmap((index) => `${seedItems[index % seedItems.length]} (${index})`),
  'plain items': roadmap((index) => `Item number ${index}`),
  'code + link items': roadmap((index) => `Item ${index} with \`code\` and a [link](https://example.com/${index})`),
};

for (const [name, markdown] of Object.entries(shapes)) {
  await processRoadmap(markdown, 'warm-up.md');
  const times = [];
  let items = 0;
  for (let run = 0; run < 7; run += 1) {
    const started = performance.now();
    const { roadmap: model } = await processRoadmap(markdown, 'bench.md');
    times.push(performance.now() - started);
    items = model.phases.reduce((sum, phase) => sum + phase.topics.reduce((s, topic) => s + topic.items.length, 0), 0);
  }
  times.sort((a, b) => a - b);
  const size = (Buffer.byteLength(markdown) / 1024).toFixed(0);
  console.log(
    `${name.padEnd(18)} ${items} items, ${size} KiB: median ${times[3].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[6].toFixed(0)})`,
  );
}
