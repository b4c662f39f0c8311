import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './helpers/seeded-random.js';
import { build, type BuildResult } from '../src/index.js';
import { makeProject } from './helpers/make-project.js';
import { repoRoot } from './helpers/run-cli.js';

const seed = Number(process.env.FUZZ_SEED ?? 20270104);

/** The sample roadmap and every Markdown input of the test fixtures. */
async function corpus(): Promise<Buffer[]> {
  const files = [path.join(repoRoot, 'content/rust-backend.md')];
  for (const folder of ['tests/fixtures/model', 'tests/fixtures/mark']) {
    for (const name of (await readdir(path.join(repoRoot, folder))).sort()) files.push(path.join(repoRoot, folder, name, 'input.md'));
  }
  for (const folder of ['tests/fixtures/print', 'tests/fixtures/print-tables']) {
    for (const name of (await readdir(path.join(repoRoot, folder))).sort()) files.push(path.join(repoRoot, folder, name));
  }
  return Promise.all(files.map((file) => readFile(file)));
}

const controls = ['\0', '\u0001', '\u0007', '\b', '\u000b', '\f', '\r', '\u001b', '\u007f', '\u2028', '\uFEFF', '\uFFFD'];
const fragments = ['[', ']', '](', '![', '*', '_', '`', '```', '~~~', '> ', '- ', '1. ', '- [x] ', '#', '---', '|', '<', '&'];
/** Hostile pieces: a box link with a broken escape, YAML anchors and aliases. */
const hostile = ['%E0%A4%A', '[x](https://roadmap-press.invalid/field/%E0%A4%A)', '*a', '&a', ': *a'];
const insertions = [...fragments, ...hostile];

/** Some roadmaps are named like the properties every object has (and like the index page). */
const awkwardNames = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'index'];

/** One mangled copy: lines dropped, duplicated, cut, shuffled or indented; control characters, fragments and random bytes put in. */
function mangle(source: Buffer, next: () => number): Buffer {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  let lines = source.toString('latin1').split('\n');
  const edits = 1 + Math.floor(next() * 8);
  for (let edit = 0; edit < edits && lines.length > 0; edit += 1) {
    const at = Math.floor(next() * lines.length);
    const line = lines[at]!;
    switch (Math.floor(next() * 9)) {
      case 0:
        lines.splice(at, 1);
        break;
      case 1:
        lines.splice(at, 0, ...Array.from({ length: 1 + Math.floor(next() * 40) }, () => line));
        break;
      case 2:
        lines[at] = line.slice(0, Math.floor(next() * line.length));
        break;
      case 3:
        lines = lines.slice(0, at);
        break;
      case 4: {
        const other = Math.floor(next() * lines.length);
        [lines[at], lines[other]] = [lines[other]!, line];
        break;
      }
      case 5:
        lines[at] = `${' '.repeat(Math.floor(next() * 12))}${line}`;
        break;
      case 6: {
        const cut = Math.floor(next() * (line.length + 1));
        lines[at] = `${line.slice(0, cut)}${pick(controls)}${line.slice(cut)}`;
        break;
      }
      case 7: {
        const cut = Math.floor(next() * (line.length + 1));
        lines[at] = `${line.slice(0, cut)}${pick(insertions).repeat(1 + Math.floor(next() * 20))}${line.slice(cut)}`;
        break;
      }
      default: {
        const bytes = Array.from({ length: 1 + Math.floor(next() * 16) }, () => String.fromCharCode(Math.floor(next() * 256)));
        const cut = Math.floor(next() * (line.length + 1));
        lines[at] = `${line.slice(0, cut)}${bytes.join('')}${line.slice(cut)}`;
      }
    }
  }
  // Latin-1 round trip: the original bytes survive untouched, the inserted ones may make invalid UTF-8.
  return Buffer.from(lines.join('\n'), 'latin1');
}

/** What no input may ever cause: a crash, a stack trace, an internal error. */
function expectNoCrash(result: BuildResult) {
  for (const roadmap of result.roadmaps) {
    for (const diagnostic of roadmap.diagnostics) {
      expect(diagnostic.message, roadmap.source).not.toMatch(/\n\s+at |Cannot (build|print) this roadmap: /);
      expect(diagnostic.rule, `${roadmap.source}: ${diagnostic.message}`).not.toBe('internal');
      expect(diagnostic.line === null || diagnostic.line >= 1, roadmap.source).toBe(true);
    }
    // Modelled, or said why not with an error.
    if (roadmap.summary === null)
      expect(
        roadmap.diagnostics.some((d) => d.severity === 'error'),
        roadmap.source,
      ).toBe(true);
  }
}

describe(`fuzz (seed ${seed}): mangled roadmaps never crash the build`, () => {
  it('300 mangled copies of the sample and the fixtures build to HTML, each a handout or a diagnostic', async () => {
    const sources = await corpus();
    const next = seededRandom(seed);
    const cwd = await makeProject();
    await mkdir(path.join(cwd, 'content'));
    for (let index = 0; index < 300; index += 1) {
      const awkward = index % 50 === 0 ? awkwardNames[index / 50] : undefined;
      const name = `content/${awkward ?? `fuzz-${String(index).padStart(3, '0')}`}.md`;
      await writeFile(path.join(cwd, name), mangle(sources[index % sources.length]!, next));
    }
    const result = await build({ cwd, formats: ['html', 'ics'], workers: 0 });
    expect(result.roadmaps).toHaveLength(300);
    expectNoCrash(result);
    expect(result.roadmaps.filter((roadmap) => roadmap.summary !== null).length).toBeGreaterThan(150);
  }, 240_000);

  it('a few of them print to PDF', async () => {
    const sources = await corpus();
    const next = seededRandom(seed + 1);
    const cwd = await makeProject();
    await mkdir(path.join(cwd, 'content'));
    for (let index = 0; index < 6; index += 1) {
      await writeFile(path.join(cwd, `content/pdf-${index}.md`), mangle(sources[(index * 7) % sources.length]!, next));
    }
    const result = await build({ cwd, formats: ['pdf'], workers: 0 });
    expectNoCrash(result);
    expect(result.roadmaps.every((roadmap) => roadmap.summary === null || roadmap.outputs.some((file) => file.endsWith('.pdf')))).toBe(
      true,
    );
  }, 240_000);
});
