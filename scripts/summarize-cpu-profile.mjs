#!/usr/bin/env node
// Where a run spends its CPU, from a profile written by `node --cpu-prof`:
// self time by package (node_modules/<name>, `ours` for dist/, `node` for
// Node's internals), self time by function, and the inclusive time of our own
// functions. Garbage collection shows as `(garbage collector)`.
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof dist/cli.js build DIR --format html -q --no-cache
//   node scripts/summarize-cpu-profile.mjs /tmp/prof/*.cpuprofile [rows]
//
// Dependency-free.
import { readFileSync } from 'node:fs';

const [file, rowsArgument = '40'] = process.argv.slice(2);
if (!file) {
  console.error('Usage: node scripts/summarize-cpu-profile.mjs FILE.cpuprofile [rows]');
  process.exit(1);
}
const rows = Number(rowsArgument);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

// Sampled microseconds spent in each node itself.
const self = new Map();
for (const [index, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
const total = [...self.values()].reduce((sum, us) => sum + us, 0);

function packageOf(url) {
  if (!url) return '(native)';
  const at = url.lastIndexOf('node_modules/');
  if (at !== -1) {
    const [scope, name] = url.slice(at + 'node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (url.startsWith('node:')) return 'node';
  return url.includes('/dist/') ? 'ours' : url;
}

function nameOf({ callFrame: frame }) {
  const where = frame.url ? ` ${frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'}${where}`;
}

const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
const byPackage = new Map();
const byFunction = new Map();
const oursInclusive = new Map();
for (const [id, us] of self) {
  const node = nodes.get(id);
  add(byPackage, packageOf(node.callFrame.url), us);
  add(byFunction, nameOf(node), us);
  // Each of our functions on the stack once, however deep it recurses.
  const seen = new Set();
  for (let at = id; at !== undefined; at = parents.get(at)) {
    const frame = nodes.get(at);
    const name = nameOf(frame);
    if (packageOf(frame.callFrame.url) === 'ours' && !seen.has(name)) {
      seen.add(name);
      add(oursInclusive, name, us);
    }
  }
}

function table(map, limit) {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([key, us]) => `${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`)
    .join('\n');
}

console.log(`total ${(total / 1000).toFixed(0)} ms sampled`);
console.log(`\n== self time by package ==\n${table(byPackage, 25)}`);
console.log(`\n== self time by function ==\n${table(byFunction, rows)}`);
console.log(`\n== our functions, inclusive ==\n${table(oursInclusive, rows)}`);
