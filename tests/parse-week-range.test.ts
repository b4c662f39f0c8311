import { describe, expect, it } from 'vitest';
import type { WeekRange } from '../src/model/roadmap.js';
import { parseWeekRange, stripWeekRange } from '../src/pipeline/parse-week-range.js';

describe('parseWeekRange', () => {
  it.each<[text: string, notation: string, weeks: WeekRange]>([
    ['Phase 1: Fundamentals (Weeks 1-3)', 'Weeks 1-3', { start: 1, end: 3 }],
    ['Phase 2 (Week 4)', 'Week 4', { start: 4, end: 4 }],
    ['Advanced (Weeks 10–14)', 'Weeks 10–14', { start: 10, end: 14 }],
    ['Basics — Weeks 1-2', 'Weeks 1-2', { start: 1, end: 2 }],
    ['Basics: Weeks 1—2', 'Weeks 1—2', { start: 1, end: 2 }],
    ['Phase 2 (weeks 4 - 6)', 'weeks 4 - 6', { start: 4, end: 6 }],
    ['Weeks 1 to 3', 'Weeks 1 to 3', { start: 1, end: 3 }],
    ['weeks 2 through 4', 'weeks 2 through 4', { start: 2, end: 4 }],
    ['Weeks 2 – Week 4', 'Weeks 2 – Week 4', { start: 2, end: 4 }],
    ['Wk 5', 'Wk 5', { start: 5, end: 5 }],
    ['Wks. 6-8', 'Wks. 6-8', { start: 6, end: 8 }],
    ['Orientation W1-W3', 'W1-W3', { start: 1, end: 3 }],
    ['Sprint W2', 'W2', { start: 2, end: 2 }],
    ['Week 3: Traits', 'Week 3', { start: 3, end: 3 }],
    ['Weeks 5-3', 'Weeks 5-3', { start: 5, end: 3 }],
  ])('reads %j as %j', (text, notation, weeks) => {
    const result = parseWeekRange(text);
    expect(result).toEqual({ weeks, ongoing: false, index: text.indexOf(notation), length: notation.length });
  });

  it.each<[text: string, notation: string]>([
    ['Phase 6: Advanced Backend Topics (Ongoing)', '(Ongoing)'],
    ['Extras (ongoing, at your pace)', '(ongoing, at your pace)'],
    ['Continuous practice', 'Continuous'],
    ['Practice — throughout', '— throughout'],
  ])('reads %j as ongoing (%j)', (text, notation) => {
    expect(parseWeekRange(text)).toEqual({ weeks: null, ongoing: true, index: text.indexOf(notation), length: notation.length });
  });

  it.each([
    'Web 2.0',
    'Rust 2021 edition',
    'HTTP/2',
    'Weekly projects',
    'Weekend 2',
    'A 12 weeks plan',
    'Next week',
    'Week 2021',
    'W3C standards',
    'Windows 10',
    'w1-w3',
    'Section 3',
    'Practical Learning Tips',
    'Always Be Learning',
    'Habits to keep throughout',
    '',
  ])('finds no week notation in %j', (text) => {
    expect(parseWeekRange(text)).toBeNull();
  });
});

describe('stripWeekRange', () => {
  it.each<[heading: string, title: string]>([
    ['Phase 1: Fundamentals (Weeks 1-3)', 'Phase 1: Fundamentals'],
    ['Advanced (Weeks 10–14)', 'Advanced'],
    ['Phase 6: Advanced Backend Topics (Ongoing)', 'Phase 6: Advanced Backend Topics'],
    ['Basics — Weeks 1-2', 'Basics'],
    ['Basics (Weeks 1-3, part-time)', 'Basics (part-time)'],
    ['Basics (part-time; Weeks 1-3)', 'Basics (part-time)'],
    ['Practice — throughout', 'Practice'],
    ['Basics: Weeks 1-2', 'Basics'],
    ['Orientation W1-W3', 'Orientation'],
    ['(Weeks 1-3) Kickoff', 'Kickoff'],
    ['Phase 2 (Week 4) extra', 'Phase 2 extra'],
    ['Phase 1 (Core) Weeks 1-3', 'Phase 1 (Core)'],
    // The notation is the heading's subject: nothing would be left, or it is not at the end.
    ['Week 3: Traits', 'Week 3: Traits'],
    ['Weeks 1-3', 'Weeks 1-3'],
    ['(Weeks 1-3)', '(Weeks 1-3)'],
    ['Weeks 1-2 and 5', 'Weeks 1-2 and 5'],
  ])('strips %j to %j', (heading, title) => {
    const notation = parseWeekRange(heading);
    expect(notation).not.toBeNull();
    expect(stripWeekRange(heading, notation!)).toBe(title);
  });
});
