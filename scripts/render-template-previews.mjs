#!/usr/bin/env node
// Regenerate docs/images/<template>.png: the first page of the seed roadmap's PDF in each built-in
// template (week 1 starting on Monday 4 January 2027; a 3-member group for study-group).
// Needs `npm run compile` first, Chromium and poppler's pdftoppm. Usage: node scripts/render-template-previews.mjs
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../dist/index.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const work = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-previews-'));
try {
  const seed = await readFile(path.join(root, 'content/rust-backend.md'), 'utf8');
  await mkdir(path.join(work, 'content'));
  await writeFile(path.join(work, 'content/rust-backend.md'), `---\nstart: 2027-01-04\n---\n\n${seed}`);
  const group = { name: 'Rustaceans of Lisbon', members: ['Ana', 'Ben', 'Chloé'], meets: { weekday: 'tuesday', time: '19:00' } };
  for (const name of ['handout', 'checklist', 'planner', 'study-group']) {
    const out = path.join(work, name);
    await build({ inputs: ['content'], out, cwd: work, formats: ['pdf'], template: { pdf: name }, group });
    const target = path.join(root, 'docs/images', name);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path.join(out, 'rust-backend.pdf'), target]);
    console.log(`docs/images/${name}.png`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
