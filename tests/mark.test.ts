import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMarks } from '../src/mark/apply-marks.js';
import { processRoadmap } from '../src/pipeline/process-roadmap.js';
import { expectGoldenText } from './helpers/golden.js';
import { runCli } from './helpers/run-cli.js';

const fixtures = path.join(import.meta.dirname, 'fixtures/mark');
const cases = (await readdir(fixtures)).sort();

describe('applyMarks fixtures', () => {
  it('finds the fixture folders', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases)('%s', async (name) => {
    const dir = path.join(fixtures, name);
    const source = await readFile(path.join(dir, 'input.md'), 'utf8');
    const marks = new Map(Object.entries(JSON.parse(await readFile(path.join(dir, 'marks.json'), 'utf8')) as Record<string, boolean>));
    const { roadmap } = await processRoadmap(source, 'input.md');
    const result = applyMarks(source, roadmap!, marks);
    expectGoldenText(path.join(dir, 'expected.md'), result.source);

    // Only the touched lines differ, one per changed item; line endings survive.
    const before = source.split(/(?<=\n)/);
    const after = result.source.split(/(?<=\n)/);
    expect(after).toHaveLength(before.length);
    const differing = before.flatMap((line, index) => (line === after[index] ? [] : [index]));
    expect(differing).toHaveLength(result.changed.length);

    // The result reads back with exactly the requested states.
    const reread = await processRoadmap(result.source, 'input.md');
    const states = new Map<string, boolean>();
    const walk = (items: { id: string; checked: boolean; children: never[] }[]) => {
      for (const item of items) {
        states.set(item.id, item.checked);
        walk(item.children);
      }
    };
    for (const part of [...reread.roadmap!.phases, ...reread.roadmap!.sections])
      for (const topic of part.topics) walk(topic.items as never);
    for (const [id, done] of marks) expect(states.get(id), id).toBe(done);
  });

  it('names every unknown id', async () => {
    const { roadmap } = await processRoadmap('# T\n\n- one\n', 't.md');
    expect(() =>
      applyMarks(
        '# T\n\n- one\n',
        roadmap!,
        new Map([
          ['nope', true],
          ['intro--one', true],
          ['also-nope', false],
        ]),
      ),
    ).toThrow('Unknown item ids: nope, also-nope (run `roadmap-press inspect FILE --json` to list the ids)');
  });
});

describe('roadmap-press mark', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-mark-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function roadmapCopy(name: string): Promise<string> {
    const file = path.join(dir, name);
    await copyFile(path.join(fixtures, 'tick-plain/input.md'), file);
    return file;
  }

  it('ticks and unticks by id, atomically, and says how many changed', async () => {
    const file = await roadmapCopy('cli.md');
    const result = await runCli(['mark', 'cli.md', '--done', 'phase-1--learn-the-basics', '--undo', 'phase-1--write-a-program'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(result.stderr.trim()).toBe('cli.md: 1 item updated');
    expect(await readFile(file, 'utf8')).toContain('- [x] Learn the basics\n- [ ] Write a program\n');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('rejects an unknown id and leaves the file as it was, exit 1', async () => {
    const file = await roadmapCopy('unknown.md');
    const before = await readFile(file, 'utf8');
    const result = await runCli(['mark', 'unknown.md', '--done', 'no-such-item'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('error Unknown item id: no-such-item (run `roadmap-press inspect FILE --json` to list the ids)');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('takes ticks from an exported progress file', async () => {
    const file = await roadmapCopy('progress.md');
    await writeFile(
      path.join(dir, 'progress.json'),
      JSON.stringify({ format: 'roadmap-press-progress', version: 1, roadmap: 'Marks', items: { 'phase-1--first-numbered': true } }),
    );
    const result = await runCli(['mark', 'progress.md', '--from', 'progress.json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('1. [x] First numbered\n');
  });

  it('rejects a file that is not a progress export', async () => {
    await roadmapCopy('bad-progress.md');
    await writeFile(path.join(dir, 'other.json'), '{"items": {}}');
    const result = await runCli(['mark', 'bad-progress.md', '--from', 'other.json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error other\.json: not a roadmap-press progress file \(format: /);
  });

  it('takes ticks from a PDF checklist it printed, ticked and saved in a PDF tool', async () => {
    const file = await roadmapCopy('from-pdf.md');
    const built = await runCli(['build', 'from-pdf.md', '--format', 'pdf', '--out', 'printed', '-q'], { cwd: dir });
    expect(built.code).toBe(0);
    // What a reader does in a PDF viewer: tick a box and save.
    const pdf = await PDFDocument.load(await readFile(path.join(dir, 'printed/from-pdf.pdf')));
    const form = pdf.getForm();
    expect(
      form
        .getFields()
        .map((field) => field.getName())
        .sort(),
    ).toEqual(['phase-1--first-numbered', 'phase-1--learn-the-basics', 'phase-1--second-numbered', 'phase-1--write-a-program']);
    form.getCheckBox('phase-1--second-numbered').check();
    await writeFile(path.join(dir, 'ticked.pdf'), await pdf.save());
    const result = await runCli(['mark', 'from-pdf.md', '--from', 'ticked.pdf'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr.trim()).toBe('from-pdf.md: 1 item updated');
    const text = await readFile(file, 'utf8');
    expect(text).toContain('2) [x] Second numbered');
    expect(text).toContain('- Learn the basics\n');
  });

  it('asks for something to do, exit 1', async () => {
    await roadmapCopy('nothing.md');
    const result = await runCli(['mark', 'nothing.md'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('error Nothing to mark: give --done ID, --doing ID, --undo ID or --from FILE');
  });
});
