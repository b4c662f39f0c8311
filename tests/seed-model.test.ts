import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Roadmap, RoadmapItem } from '../src/model/roadmap.js';
import { processRoadmap, type ProcessedRoadmap } from '../src/pipeline/process-roadmap.js';

const seedPath = fileURLToPath(new URL('../content/rust-backend.md', import.meta.url));
const source = readFileSync(seedPath, 'utf8');
const sourceLines = source.split('\n');

/** Items in document order, nested ones after their parent. */
function flatten(items: RoadmapItem[]): RoadmapItem[] {
  return items.flatMap((item) => [item, ...flatten(item.children)]);
}

function allItems(roadmap: Roadmap): RoadmapItem[] {
  return [...roadmap.phases, ...roadmap.sections].flatMap((group) => flatten(group.topics.flatMap((topic) => topic.items)));
}

describe('the seed roadmap content/rust-backend.md', () => {
  let result: ProcessedRoadmap;
  let roadmap: Roadmap;

  beforeAll(async () => {
    result = await processRoadmap(source, 'content/rust-backend.md');
    expect(result.roadmap).not.toBeNull();
    roadmap = result.roadmap!;
  });

  it('has no diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
    expect(roadmap.diagnostics).toEqual([]);
  });

  it('has its title and introduction', () => {
    expect(roadmap.title).toBe('Rust Learning Roadmap for Backend Development');
    expect(roadmap.lang).toBe('en');
    expect(roadmap.description).toBe(
      "Congratulations on starting your Rust journey! Here's a comprehensive learning path tailored for backend development:",
    );
  });

  it('has six phases with their week ranges', () => {
    expect(roadmap.phases.map(({ title, weeks, ongoing }) => ({ title, weeks, ongoing }))).toEqual([
      { title: 'Phase 1: Fundamentals', weeks: { start: 1, end: 3 }, ongoing: false },
      { title: 'Phase 2: Intermediate Concepts', weeks: { start: 4, end: 6 }, ongoing: false },
      { title: 'Phase 3: Advanced Rust', weeks: { start: 7, end: 9 }, ongoing: false },
      { title: 'Phase 4: Backend-Specific Skills', weeks: { start: 10, end: 14 }, ongoing: false },
      { title: 'Phase 5: Production-Ready Skills', weeks: { start: 15, end: 18 }, ongoing: false },
      { title: 'Phase 6: Advanced Backend Topics', weeks: null, ongoing: true },
    ]);
    expect(roadmap.phases[5]?.heading).toBe('Phase 6: Advanced Backend Topics (Ongoing)');
  });

  it('has one section, "Practical Learning Tips", with its three topics', () => {
    expect(roadmap.sections.map((section) => section.title)).toEqual(['Practical Learning Tips']);
    expect(roadmap.sections[0]?.topics.map(({ title, note }) => ({ title, note }))).toEqual([
      { title: 'Practice Projects', note: 'Build these in order' },
      { title: 'Daily Habits', note: null },
      { title: 'Resources', note: null },
    ]);
  });

  it('reads the topic note of "Ownership System"', () => {
    const topic = roadmap.phases[0]?.topics.find((candidate) => candidate.title === 'Ownership System');
    expect(topic?.note).toBe('This is crucial and unique to Rust');
  });

  it('has 134 items', () => {
    expect(allItems(roadmap)).toHaveLength(134);
  });

  it('uses every week from 1 to 18', () => {
    const weeks = new Set(allItems(roadmap).map((item) => item.week));
    for (let week = 1; week <= 18; week += 1) expect(weeks.has(week), `week ${week}`).toBe(true);
  });

  it('plans the items of dated phases in non-decreasing weeks within the range', () => {
    for (const phase of roadmap.phases) {
      const items = flatten(phase.topics.flatMap((topic) => topic.items));
      const weeks = items.map((item) => item.week);
      if (phase.weeks === null) {
        expect(
          weeks.every((week) => week === null),
          phase.title,
        ).toBe(true);
        continue;
      }
      const { start, end } = phase.weeks;
      for (const [index, week] of weeks.entries()) {
        expect(week, phase.title).not.toBeNull();
        expect(week!, phase.title).toBeGreaterThanOrEqual(start);
        expect(week!, phase.title).toBeLessThanOrEqual(end);
        if (index > 0) expect(week!, phase.title).toBeGreaterThanOrEqual(weeks[index - 1]!);
      }
    }
  });

  it('gives the section items no week', () => {
    const items = roadmap.sections.flatMap((section) => flatten(section.topics.flatMap((topic) => topic.items)));
    expect(items.map((item) => item.week).every((week) => week === null)).toBe(true);
  });

  it('gives every phase, section, topic and item a unique id', () => {
    const groups = [...roadmap.phases, ...roadmap.sections];
    const ids = [
      ...groups.map((group) => group.id),
      ...groups.flatMap((group) => group.topics.map((topic) => topic.id)),
      ...allItems(roadmap).map((item) => item.id),
    ];
    expect(ids.every((id) => /^[a-z0-9-]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps every item text as written in the source, list marker removed', () => {
    for (const item of allItems(roadmap)) {
      const line = sourceLines[item.line - 1] ?? '';
      const match = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
      expect(match, `line ${item.line}`).not.toBeNull();
      const written = match![1]!.trim();
      // The seed's items carry no inline Markdown, so stripping the marker is all there is to strip.
      expect(written, `line ${item.line}`).not.toMatch(/[`*_[\]]/);
      expect(item.text, `line ${item.line}`).toBe(written);
    }
  });

  it.each([
    'Box<T> for heap allocation',
    'Rc<T> and Arc<T> for reference counting',
    'Borrowing and references (&T and &mut T)',
    'Your first "Hello, World!" program',
    "Read other people's Rust code on GitHub",
  ])('keeps %j verbatim', (text) => {
    expect(allItems(roadmap).map((item) => item.text)).toContain(text);
  });

  it('escapes literal HTML-looking text in item html', () => {
    const item = allItems(roadmap).find((candidate) => candidate.text === 'Box<T> for heap allocation');
    expect(item?.html).toBe('Box&#x3C;T> for heap allocation');
    expect(item?.week).toBe(7);
    expect(item?.line).toBe(75);
  });
});
