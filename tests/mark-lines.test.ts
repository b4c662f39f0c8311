import { describe, expect, it } from 'vitest';
import { markLines, splitSourceLines } from '../src/pipeline/mark-lines.js';
import { processRoadmap } from '../src/pipeline/process-roadmap.js';

const at = (start: number, end: number) => ({ type: 'x', position: { start: { line: start, column: 1 }, end: { line: end, column: 1 } } });

describe('markLines', () => {
  const spans = markLines(['plain', 'has <b>', 'plain', 'plain'], (line) => line.includes('<'));

  it('tells whether any line a node spans passes the test', () => {
    expect(spans(at(1, 1))).toBe(false);
    expect(spans(at(1, 2))).toBe(true);
    expect(spans(at(2, 2))).toBe(true);
    expect(spans(at(3, 4))).toBe(false);
  });

  it('answers true when it cannot tell: no position, or lines it was not given', () => {
    expect(spans({ type: 'x' })).toBe(true);
    expect(spans(at(3, 9))).toBe(true);
    expect(spans(at(0, 1))).toBe(true);
  });

  it('numbers lines as micromark does: CR, LF and CR LF each end one', () => {
    expect(splitSourceLines('a\rb\r\nc\nd')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('walks that skip lines without what they look for', () => {
  const lines = [
    '# T',
    '',
    '## Phase 1',
    '',
    '- first',
    '- second',
    '  line <kbd>Ctrl</kbd> done',
    '',
    '> Quoted text',
    '> • not a list',
    '',
    '- more',
    '',
  ];
  const hintLines = async (source: string) =>
    (await processRoadmap(source, 'lines.md')).diagnostics
      .filter((diagnostic) => diagnostic.rule === 'item-hint')
      .map((diagnostic) => diagnostic.line);

  for (const [name, source] of [
    ['LF', lines.join('\n')],
    ['CR', lines.join('\r')],
    ['CR LF', lines.join('\r\n')],
    // Counting LFs alone would put every line after the CRs too early, and miss the HTML.
    ['CR, then LF', `${lines.slice(0, 4).join('\r')}\r${lines.slice(4).join('\n')}`],
  ] as const) {
    it(`still read HTML on a list item's second line, with ${name} line endings`, async () => {
      const { roadmap } = await processRoadmap(source, 'lines.md');
      const second = roadmap!.phases[0]!.topics[0]!.items[1]!;
      expect(second.text).toBe('second line Ctrl done');
      expect(second.html).not.toContain('kbd');
    });
  }

  it('still hint at a bullet in a quoted paragraph (item hints read lines split at LF)', async () => {
    expect(await hintLines(lines.join('\n'))).toEqual([10]);
    expect(await hintLines(lines.join('\r\n'))).toEqual([10]);
  });
});
