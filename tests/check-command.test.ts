import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

let dir: string;

const overlap = `# Overlap

## Phase 1: Basics (Weeks 1-3)

- One

## Phase 2: More (Weeks 3-5)

- Two
`;
const reversed = `# Reversed

## Phase 1: Basics (Weeks 5-3)

- One
`;
const clean = `# Clean

## Phase 1: Basics (Weeks 1-2)

- One
- Two
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-check-'));
  await writeFile(path.join(dir, 'overlap.md'), overlap);
  await writeFile(path.join(dir, 'reversed.md'), reversed);
  await writeFile(path.join(dir, 'clean.md'), clean);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('roadmap-press check', () => {
  it('prints positioned diagnostics and exits 0 on warnings', async () => {
    const result = await runCli(['check', 'overlap.md', 'clean.md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      'overlap.md:3:1 warning Unexpected overlap of week 3 with `Phase 2: More` (line 7), expected phases to follow each other [phase-overlap]',
      'overlap.md:7:1 warning Unexpected overlap of week 3 with `Phase 1: Basics` (line 3), expected phases to follow each other [phase-overlap]',
    ]);
    expect(result.stderr.trim()).toBe('Checked 2 files: 0 errors, 2 warnings, 0 infos');
  });

  it('exits 1 on warnings with --strict', async () => {
    const result = await runCli(['check', 'overlap.md', '--strict'], { cwd: dir });
    expect(result.code).toBe(1);
  });

  it('exits 0 on a clean roadmap, even with --strict', async () => {
    const result = await runCli(['check', 'clean.md', '--strict'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('exits 1 on errors', async () => {
    const result = await runCli(['check', 'reversed.md'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toBe('reversed.md:3:1 error Unexpected week range 5-3, expected start ≤ end [week-range]');
  });

  it('reports JSON for machines with --reporter json', async () => {
    const result = await runCli(['check', '.', '--reporter', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      files: { file: string; diagnostics: { rule: string; line: number; severity: string }[] }[];
      errors: number;
      warnings: number;
      infos: number;
    };
    expect(report.files.map((file) => file.file)).toEqual(['clean.md', 'overlap.md', 'reversed.md']);
    expect(report.files[1]!.diagnostics.map((d) => [d.rule, d.line, d.severity])).toEqual([
      ['phase-overlap', 3, 'warning'],
      ['phase-overlap', 7, 'warning'],
    ]);
    expect([report.errors, report.warnings, report.infos]).toEqual([1, 2, 0]);
  });

  it('rejects an unknown reporter and a missing file', async () => {
    const reporter = await runCli(['check', 'clean.md', '--reporter', 'xml'], { cwd: dir });
    expect(reporter.code).toBe(2);
    expect(reporter.stderr).toContain('expected text or json');
    const missing = await runCli(['check', 'nope.md'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('error No such file or folder: nope.md');
  });

  it('puts the same diagnostics in inspect --json and, as warnings, in build', async () => {
    const inspect = await runCli(['inspect', 'overlap.md', '--json'], { cwd: dir });
    expect(inspect.code).toBe(0);
    const model = JSON.parse(inspect.stdout) as { diagnostics: { rule: string; line: number }[] };
    expect(model.diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['phase-overlap', 3],
      ['phase-overlap', 7],
    ]);
    const build = await runCli(['build', 'overlap.md', '--format', 'html', '--out', 'out'], { cwd: dir });
    expect(build.code).toBe(0);
    expect(build.stderr).toContain(
      'overlap.md:7:1 warning Unexpected overlap of week 3 with `Phase 1: Basics` (line 3), expected phases to follow each other [phase-overlap]',
    );
  });

  it('lays out undated phases with --weeks-per-phase and dates them with --start', async () => {
    await writeFile(path.join(dir, 'undated.md'), '# U\n\n## Phase 1: A\n\n- One\n\n## Phase 2: B\n\n- Two\n');
    const result = await runCli(['inspect', 'undated.md', '--weeks-per-phase', '2', '--start', '2027-01-25'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/[\u2009\u202f]/g, ' ')).toContain('phase   Phase 1: A (Weeks 1–2, Jan 25 – Feb 7, 2027): 1 items');
    expect(result.stdout.replace(/[\u2009\u202f]/g, ' ')).toContain('phase   Phase 2: B (Weeks 3–4, Feb 8 – 21, 2027): 1 items');
    const bad = await runCli(['inspect', 'undated.md', '--weeks-per-phase', '0'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected a whole number of weeks from 1 to 52');
  });
});

describe('phase-overlap on a roadmap that repeats its phases', () => {
  it('pairs each phase with the first earlier one it overlaps: a warning per repeat, not per pair', async () => {
    const { processRoadmap } = await import('../src/pipeline/process-roadmap.js');
    const block = '## Phase 1: A (Weeks 1-2)\n\n- a\n\n## Phase 2: B (Weeks 3-4)\n\n- b\n\n';
    const { diagnostics } = await processRoadmap(`# Repeated\n\n${block.repeat(50)}`, 'repeated.md');
    const overlaps = diagnostics.filter((diagnostic) => diagnostic.rule === 'phase-overlap');
    // 98 repeated phases, each paired once with its first occurrence: two warnings a pair.
    expect(overlaps).toHaveLength(2 * 98);
    expect(overlaps[0]!.message).toBe('Unexpected overlap of weeks 1-2 with `Phase 1: A` (line 11), expected phases to follow each other');
  });
});
