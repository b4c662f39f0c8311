#!/usr/bin/env node
// Build the same inputs with two builds of roadmap-press and compare every output byte for byte:
// the sample, the sample repeated 50 times, and every tests/fixtures/**/input.md, to HTML and PDF.
// Usage: node bench/compare-outputs.mjs <dist of the build before> [<dist after>, default ./dist]
// A build from an older commit: `git archive <commit> | tar -x -C /tmp/before`, link node_modules, `npm run compile` there.
// Exits 1 when an output differs (the build cache's file, whose keys name the code, aside).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { glob } from 'tinyglobby';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const [before, after = path.join(root, 'dist')] = process.argv.slice(2);
if (!before) throw new Error('usage: node bench/compare-outputs.mjs <dist before> [<dist after>]');
const work = mkdtempSync(path.join(os.tmpdir(), 'roadmap-press-compare-'));
const inputs = path.join(work, 'in');
mkdirSync(inputs);
const sample = readFileSync(path.join(root, 'content/rust-backend.md'), 'utf8');
cpSync(path.join(root, 'content/rust-backend.md'), path.join(inputs, 'rust-backend.md'));
writeFileSync(path.join(inputs, 'sample-50.md'), Array.from({ length: 50 }, () => sample).join('\n'));
for (const file of await glob('tests/fixtures/**/input.md', { cwd: root })) {
  cpSync(path.join(root, file), path.join(inputs, `${path.dirname(file).slice('tests/fixtures/'.length).replaceAll('/', '-')}.md`));
}
const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600' };
/** Build every input with one dist into `work/<name>` (some fixtures hold content errors: the exit code says so, ignored). */
const build = (name, dist) =>
  spawnSync(
    'node',
    [path.join(dist, 'cli.js'), 'build', inputs, '--out', path.join(work, name), '--format', 'html,pdf', '--no-cache', '-q'],
    {
      env,
      stdio: 'ignore',
    },
  );
const same = (a, b, file) => readFileSync(path.join(work, a, file)).equals(readFileSync(path.join(work, b, file)));
build('before', before);
build('after', after);
const files = readdirSync(path.join(work, 'after')).filter((file) => file !== '.roadmap-press-cache.json');
let differing = files.filter((file) => !same('before', 'after', file));
// An output that differs between two runs of the same build says nothing about the change: build again to tell.
let unstable = [];
if (differing.length > 0) {
  build('after-again', after);
  unstable = differing.filter((file) => !same('after', 'after-again', file));
  differing = differing.filter((file) => !unstable.includes(file));
}
console.log(
  `${files.length - differing.length - unstable.length} of ${files.length} outputs identical` +
    (unstable.length ? `; differing from run to run of the same build: ${unstable.join(', ')}` : '') +
    (differing.length ? `; DIFFERING: ${differing.join(', ')}` : '') +
    ` (in ${work})`,
);
process.exitCode = differing.length ? 1 : 0;
