import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { planReviews } from '../src/view/plan-reviews.js';
import { readPdf } from './helpers/read-pdf.js';

const roadmap = [
  '---',
  'start: 2027-01-04',
  '---',
  '# Spacing',
  '',
  '## Phase 1: Basics (Week 1)',
  '',
  '- Variables',
  '',
  '## Phase 2: More (Week 2)',
  '',
  '- Functions',
  '',
].join('\n');

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-reviews-'));
  await writeFile(path.join(dir, 'reviews.md'), roadmap);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function buildPlanner(name: string, review?: number[]) {
  const out = path.join(dir, name);
  await build({
    inputs: [path.join(dir, 'reviews.md')],
    out,
    cwd: dir,
    formats: ['pdf', 'ics'],
    template: { pdf: 'planner' },
    review,
    sourceDateEpoch: '1',
  });
  return { pdf: path.join(out, 'reviews.pdf'), ics: path.join(out, 'reviews.ics') };
}

describe('spaced reviews', () => {
  it('schedules each week’s items again the given days after the week ends, in date order', () => {
    const schedule = [
      { week: 1, start: '2027-01-04', end: '2027-01-10' },
      { week: 2, start: '2027-01-11', end: '2027-01-17' },
    ];
    const items = [
      { id: 'a', text: 'A', week: 1 },
      { id: 'b', text: 'B', week: 2 },
      { id: 'c', text: 'C', week: null },
    ];
    expect(
      planReviews(schedule, items, [7, 1]).map((review) => [review.week, review.days, review.date, review.items.map((item) => item.id)]),
    ).toEqual([
      [1, 1, '2027-01-11', ['a']],
      [1, 7, '2027-01-17', ['a']],
      [2, 1, '2027-01-18', ['b']],
      [2, 7, '2027-01-24', ['b']],
    ]);
  });

  it('adds review rows to the planner, in the week each review falls in, with rows after the plan for late ones', async () => {
    const { pdf } = await buildPlanner('on', [1, 7, 30]);
    const { text } = await readPdf(pdf);
    const row = (week: number) => {
      const start = text.indexOf(`Week ${week} Jan`) >= 0 ? text.indexOf(`Week ${week} Jan`) : text.indexOf(`Week ${week} Feb`);
      expect(start, `row of week ${week}`).toBeGreaterThan(0);
      const next = text.slice(start + 6).search(/Week \d+ (Jan|Feb)/);
      return next < 0 ? text.slice(start) : text.slice(start, start + 6 + next);
    };
    // Week 1 ends on Sunday 10 January: +1 and +7 days fall in week 2, +30 days (9 February) in week 6.
    expect(row(2)).toContain('REVIEW Week 1 · +1 day Variables Week 1 · +7 days Variables');
    expect(row(3)).toContain('Week 2 · +1 day Functions');
    expect(row(6)).toContain('Week 1 · +30 days Variables');
    expect(row(7)).toContain('Week 2 · +30 days Functions');
    expect(row(1)).not.toContain('REVIEW');
  });

  it('adds a review event per week and offset to the calendar, which ical.js reads back', async () => {
    const { ics } = await buildPlanner('on-ics', [1, 7, 30]);
    const calendar = new ICAL.Component(ICAL.parse(await readFile(ics, 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const reviews = events.filter((event) => event.uid.includes('--review--'));
    expect(events).toHaveLength(2 + 6);
    expect(reviews.map((event) => [event.uid, event.startDate.toString(), event.summary, event.description])).toEqual([
      ['reviews--review--week-1--1d@roadmap-press', '2027-01-11', '↻ Week 1 (+1 d)', '[ ] Variables'],
      ['reviews--review--week-1--7d@roadmap-press', '2027-01-17', '↻ Week 1 (+7 d)', '[ ] Variables'],
      ['reviews--review--week-2--1d@roadmap-press', '2027-01-18', '↻ Week 2 (+1 d)', '[ ] Functions'],
      ['reviews--review--week-2--7d@roadmap-press', '2027-01-24', '↻ Week 2 (+7 d)', '[ ] Functions'],
      ['reviews--review--week-1--30d@roadmap-press', '2027-02-09', '↻ Week 1 (+30 d)', '[ ] Variables'],
      ['reviews--review--week-2--30d@roadmap-press', '2027-02-16', '↻ Week 2 (+30 d)', '[ ] Functions'],
    ]);
  });

  it('changes nothing without the option', async () => {
    const { pdf, ics } = await buildPlanner('off');
    expect((await readPdf(pdf)).text).not.toContain('REVIEW');
    expect(await readFile(ics, 'utf8')).not.toContain('--review--');
  });
});
