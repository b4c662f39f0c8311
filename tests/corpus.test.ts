import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareExpectation,
  corpusDir,
  type Expectation,
  formatReport,
  listCorpus,
  type Measured,
  measureRoadmap,
  scoreCorpus,
} from '../scripts/score-corpus.mjs';
import { processRoadmap } from '../src/index.js';

const baselinePath = path.join(corpusDir, 'baseline.json');

interface Baseline {
  understood: number;
  heldOutUnderstood: number;
}

const expectation = (overrides: Partial<Expectation> = {}): Expectation => ({
  title: 'Plan',
  lang: 'en',
  phases: [
    { title: 'Phase 1', weeks: [1, 4] },
    { title: 'Phase 2', weeks: [5, 8] },
  ],
  items: [10, 12],
  ticked: [0, 0],
  weekShare: [0.9, 1],
  weekSpan: [1, 8],
  heldOut: false,
  ...overrides,
});

const measured = (overrides: Partial<Measured> = {}): Measured => ({
  title: 'Plan',
  lang: 'en',
  phases: [
    { heading: 'Phase 1: Basics (Weeks 1-4)', weeks: [1, 4], days: null },
    { heading: 'Phase 2: More (Weeks 5-8)', weeks: [5, 8], days: null },
  ],
  items: 11,
  ticked: 0,
  weekShare: 1,
  weekSpan: [1, 8],
  ...overrides,
});

describe('compareExpectation', () => {
  it('finds nothing short when every field matches', () => {
    expect(compareExpectation(measured(), expectation())).toEqual([]);
  });

  it('names each field that is short, model value first', () => {
    const problems = compareExpectation(
      measured({
        title: 'Contents',
        lang: 'en',
        phases: [
          { heading: 'Phase 1: Basics', weeks: [1, 5], days: null },
          { heading: 'Phase 2: More', weeks: [5, 9], days: null },
        ],
        items: 30,
        ticked: 2,
        weekShare: 0.5,
        weekSpan: [1, 9],
      }),
      expectation({ lang: 'zh' }),
    );
    expect(problems).toEqual([
      'title "Contents"≠"Plan"',
      'lang en≠zh',
      'weeks of "Phase 1" 1-5≠1-4',
      'weeks of "Phase 2" 5-9≠5-8',
      'items 30∉10-12',
      'ticked 2∉0',
      'weekShare 0.5∉0.9-1',
      'weekSpan 1-9≠1-8',
    ]);
  });

  it('counts phases and matches their titles as case-insensitive substrings', () => {
    expect(compareExpectation(measured({ phases: [] }), expectation())).toContain('phases 0≠2');
    expect(compareExpectation(measured(), expectation({ phases: [{ title: 'phase 1: basics', weeks: [1, 4] }] }))).toEqual(['phases 2≠1']);
    expect(
      compareExpectation(
        measured(),
        expectation({
          phases: [
            { title: 'Week 1', weeks: [1, 4] },
            { title: 'Phase 2', weeks: [5, 8] },
          ],
        }),
      ),
    ).toEqual(['phase 1 "Phase 1: Basics (Weeks 1-4)"≠"Week 1"']);
  });

  it('compares days only when the expectation gives them, and a missing week span with null', () => {
    const days = expectation({ phases: [{ title: 'Phase 1', weeks: [1, 5], days: [1, 30] }], weekSpan: null });
    const model = measured({ phases: [{ heading: 'Phase 1 (Day 1-30)', weeks: [1, 5], days: null }], weekSpan: null });
    expect(compareExpectation(model, days)).toEqual(['days of "Phase 1" none≠1-30']);
    model.phases[0]!.days = [1, 30];
    expect(compareExpectation(model, days)).toEqual([]);
  });

  it('reads the primary language subtag', () => {
    expect(compareExpectation(measured({ lang: 'zh-cn' }), expectation({ lang: 'zh' }))).not.toContain('lang zh-cn≠zh');
  });
});

describe('measureRoadmap', () => {
  it('counts nested items, ticks, weeks and the span from phases and items', async () => {
    const source = [
      '# Plan',
      '',
      '## Phase 1 (Weeks 1-2)',
      '',
      '- [x] one',
      '  - [ ] one, nested',
      '- [ ] two',
      '',
      '## Notes',
      '',
      '- three',
      '',
    ].join('\n');
    const { roadmap } = await processRoadmap(source, 'plan.md');
    const facts = measureRoadmap(roadmap!);
    expect(facts.title).toBe('Plan');
    expect(facts.items).toBe(4);
    expect(facts.ticked).toBe(1);
    expect(facts.phases).toEqual([{ heading: 'Phase 1 (Weeks 1-2)', weeks: [1, 2], days: null }]);
    expect(facts.weekShare).toBeCloseTo(3 / 4);
    expect(facts.weekSpan).toEqual([1, 2]);
  });
});

describe('the corpus files', () => {
  const names = readdirSync(corpusDir);
  const slugs = names
    .filter((name) => name.endsWith('.md') && !['README.md', 'SOURCES.md'].includes(name))
    .map((name) => name.slice(0, -3));
  const sources = readFileSync(path.join(corpusDir, 'SOURCES.md'), 'utf8');

  it('holds at least 40 roadmaps in at least 6 languages, some of them held out', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(40);
    const expectations = slugs.map(
      (slug) => JSON.parse(readFileSync(path.join(corpusDir, `${slug}.expected.json`), 'utf8')) as Expectation,
    );
    expect(new Set(expectations.map((expected) => expected.lang)).size).toBeGreaterThanOrEqual(6);
    const heldOut = expectations.filter((expected) => expected.heldOut).length;
    expect(heldOut).toBeGreaterThanOrEqual(6);
    expect(heldOut).toBeLessThan(slugs.length / 2);
  });

  it.each(slugs)('%s is 1-60 KB of UTF-8, has an expectation and a SOURCES.md row', (slug) => {
    const file = path.join(corpusDir, `${slug}.md`);
    const size = statSync(file).size;
    expect(size).toBeGreaterThanOrEqual(1024);
    expect(size).toBeLessThanOrEqual(60 * 1024);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file))).not.toThrow();
    const expected = JSON.parse(readFileSync(path.join(corpusDir, `${slug}.expected.json`), 'utf8')) as Expectation;
    expect(typeof expected.title).toBe('string');
    expect(expected.lang).toMatch(/^[a-z]{2}$/);
    expect(Array.isArray(expected.phases)).toBe(true);
    for (const range of [expected.items, expected.ticked, expected.weekShare]) {
      expect(range).toHaveLength(2);
      expect(range[0]).toBeLessThanOrEqual(range[1]);
    }
    expect(typeof expected.heldOut).toBe('boolean');
    expect(sources).toContain(`| ${slug}.md |`);
  });
});

describe('the corpus score', () => {
  it('does not drop below the recorded baseline', async () => {
    const score = await scoreCorpus(processRoadmap);
    expect(score.results.map((result) => result.slug)).toEqual(await listCorpus());
    const understood = score.totals.understood;
    const heldOutUnderstood = score.totals.heldOut.understood;
    if (process.env.UPDATE_CORPUS_BASELINE === '1') {
      const temporary = `${baselinePath}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify({ understood, heldOutUnderstood }, null, 2)}\n`);
      renameSync(temporary, baselinePath);
    }
    const baseline = JSON.parse(readFileSync(baselinePath, 'utf8')) as Baseline;
    const report = formatReport(score).join('\n');
    expect(understood, report).toBeGreaterThanOrEqual(baseline.understood);
    expect(heldOutUnderstood, report).toBeGreaterThanOrEqual(baseline.heldOutUnderstood);
  });
});
