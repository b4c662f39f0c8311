import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoadmapItem } from '../src/model/roadmap.js';
import { findSourceProblem } from '../src/pipeline/find-source-problem.js';
import { processRoadmap } from '../src/pipeline/process-roadmap.js';
import { runCli } from './helpers/run-cli.js';

function countItems(items: RoadmapItem[]): number {
  return items.reduce((sum, item) => sum + 1 + countItems(item.children), 0);
}

async function model(source: string | Uint8Array) {
  const result = await processRoadmap(source, 'input.md');
  const items = result.roadmap
    ? countItems([...result.roadmap.phases, ...result.roadmap.sections].flatMap((group) => group.topics.flatMap((topic) => topic.items)))
    : null;
  const diagnostics = result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message} [${d.rule}]`);
  return { ...result, items, diagnostics };
}

describe('any input gives a model or a clear diagnostic', () => {
  it('an empty file: an error', async () => {
    const { roadmap, diagnostics } = await model('');
    expect(roadmap).toBeNull();
    expect(diagnostics).toEqual(['1:1 error Unexpected empty file, expected a roadmap: a `# Title` and a list of items [empty-file]']);
  });

  it('a title only: a model without items', async () => {
    const { roadmap, items, diagnostics } = await model('# Just a Title\n');
    expect(roadmap?.title).toBe('Just a Title');
    expect(items).toBe(0);
    expect(diagnostics).toEqual(['1:1 warning No checklist items, expected at least one list item (`- item` or `1. item`) [no-items]']);
  });

  it('a binary file: an error at its first NUL byte', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const { roadmap, diagnostics } = await model(png);
    expect(roadmap).toBeNull();
    expect(diagnostics).toEqual(['3:1 error Unexpected binary content (a NUL byte), expected a Markdown text file [binary-file]']);
  });

  it('invalid UTF-8: a model, the bad bytes replaced', async () => {
    const { roadmap, items } = await model(Uint8Array.from([0x23, 0x20, 0xff, 0x41, 0x0a, 0x0a, 0x2d, 0x20, 0xc3, 0x28]));
    expect(roadmap?.title).toBe('\uFFFDA');
    expect(items).toBe(1);
  });

  it('2 MB of roadmap: a model, every item with its source line', async () => {
    const lines = ['# Big', '', '## Phase 1: Everything (Weeks 1-52)', ''];
    for (let index = 0, size = 0; size < 2 * 1024 * 1024; index += 1) {
      // A topic every 1,000 items, as real roadmaps have: one 31,000-item list is the parser's own quadratic case.
      const line = index % 1000 === 999 ? `### Topic ${index}` : `- Item ${index}: ${'lorem ipsum dolor sit amet '.repeat(6)}`;
      lines.push(line);
      size += line.length + 1;
    }
    const { roadmap, items, diagnostics } = await model(lines.join('\n'));
    expect(diagnostics).toEqual([]);
    expect(items).toBe(lines.filter((line) => line.startsWith('- ')).length);
    const phase = roadmap!.phases[0]!;
    const last = phase.topics.at(-1)!.items.at(-1)!;
    expect(last.line).toBe(lines.length);
    expect(last.week).toBe(52);
  }, 120_000);

  it('one 2 MB line: a model with one item', async () => {
    const { items } = await model(`# Long\n\n- ${'word '.repeat(400_000)}`);
    expect(items).toBe(1);
  }, 120_000);

  it('lists nested 100 levels deep: a model keeping every level', async () => {
    const nested = Array.from({ length: 100 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n');
    const { roadmap, items } = await model(`# Deep\n\n${nested}\n`);
    expect(items).toBe(100);
    let item = roadmap!.sections[0]!.topics[0]!.items[0]!;
    while (item.children[0]) item = item.children[0];
    expect(item).toMatchObject({ text: 'level 99', line: 102 });
  });

  it.each([
    [
      'lists nested 2,000 levels deep',
      Array.from({ length: 2000 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n'),
      '103:1 error Unexpected nesting 101 levels deep, expected at most 100 levels of lists and blockquotes [nesting-depth]',
    ],
    [
      '10,000 nested blockquotes',
      `${'>'.repeat(10_000)} - deep`,
      '3:1 error Unexpected nesting 10001 levels deep, expected at most 100 levels of lists and blockquotes [nesting-depth]',
    ],
    [
      '5,000 list markers on one line',
      `${'- '.repeat(5000)}deep`,
      '3:1 error Unexpected nesting 5000 levels deep, expected at most 100 levels of lists and blockquotes [nesting-depth]',
    ],
    [
      '20,000 asterisks',
      `- ${'*'.repeat(20_000)}x`,
      '3:3 error Unexpected run of 20000 `*` characters, expected at most 256 [nesting-depth]',
    ],
    [
      'nested emphasis',
      `- ${'*a _b '.repeat(5000)}x`,
      '3:1 error Unexpected 10000 emphasis and bracket characters on one line, expected at most 1000 [nesting-depth]',
    ],
  ])('%s: an error, no stack overflow', async (_name, body, diagnostic) => {
    const { roadmap, diagnostics } = await model(`# Deep\n\n${body}\n`);
    expect(roadmap).toBeNull();
    expect(diagnostics).toEqual([diagnostic]);
  });

  it('no lists at all, and weeks as headings: models', async () => {
    const prose = await model('# Prose\n\nJust words.\n\n## Phase 1 (Week 1)\n\nMore words.\n');
    expect(prose.roadmap?.phases[0]?.weeks).toEqual({ start: 1, end: 1 });
    expect(prose.diagnostics).toContain(
      '1:1 warning No checklist items, expected at least one list item (`- item` or `1. item`) [no-items]',
    );
    const weeks = await model('# W\n\n## Week 1\n\n- a\n\n## Week 2\n\n- b\n');
    expect(weeks.roadmap?.phases.map((phase) => phase.weeks)).toEqual([
      { start: 1, end: 1 },
      { start: 2, end: 2 },
    ]);
  });

  it('does not take deep indentation inside a code fence for nesting', () => {
    expect(findSourceProblem(`# C\n\n\`\`\`\n${' '.repeat(500)}- code\n\`\`\`\n`)).toBeNull();
  });

  it('the CLI reports a binary file in one line, exit 1, no stack trace', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-robust-'));
    try {
      await writeFile(path.join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
      const result = await runCli(['check', 'image.md'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout.trim()).toBe(
        'image.md:1:5 error Unexpected binary content (a NUL byte), expected a Markdown text file [binary-file]',
      );
      expect(result.stderr).not.toMatch(/^\s+at /m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
