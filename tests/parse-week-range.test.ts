import { describe, expect, it } from 'vitest';
import type { WeekRange } from '../src/model/roadmap.js';
import { parseWeekRange, stripWeekRange, toWeeks, type TimeUnit } from '../src/pipeline/parse-week-range.js';

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
    expect(result).toEqual({
      weeks,
      ongoing: false,
      index: text.indexOf(notation),
      length: notation.length,
      unit: 'week',
      written: weeks,
    });
  });

  it.each<[text: string, notation: string]>([
    ['Phase 6: Advanced Backend Topics (Ongoing)', '(Ongoing)'],
    ['Extras (ongoing, at your pace)', '(ongoing, at your pace)'],
    ['Continuous practice', 'Continuous'],
    ['Practice — throughout', '— throughout'],
  ])('reads %j as ongoing (%j)', (text, notation) => {
    expect(parseWeekRange(text)).toEqual({
      weeks: null,
      ongoing: true,
      index: text.indexOf(notation),
      length: notation.length,
      unit: null,
      written: null,
    });
  });

  it.each<[text: string, notation: string, unit: TimeUnit, written: [number, number], weeks: [number, number]]>([
    // English variants, months, days, leading zeros
    ['Stage 1 — SQL (Weeks 1–2)', 'Weeks 1–2', 'week', [1, 2], [1, 2]],
    ['Weeks 4 to 6', 'Weeks 4 to 6', 'week', [4, 6], [4, 6]],
    ['Weeks 3 until 5', 'Weeks 3 until 5', 'week', [3, 5], [3, 5]],
    ['Weeks 3~5', 'Weeks 3~5', 'week', [3, 5], [3, 5]],
    ['Week #7', 'Week #7', 'week', [7, 7], [7, 7]],
    ['Semana 01-03', 'Semana 01-03', 'week', [1, 3], [1, 3]],
    ['Month 1', 'Month 1', 'month', [1, 1], [1, 4]],
    ['Months 3-4', 'Months 3-4', 'month', [3, 4], [9, 16]],
    ['Phase 2 (Months 2 to 3)', 'Months 2 to 3', 'month', [2, 3], [5, 12]],
    ['Day 1–30', 'Day 1–30', 'day', [1, 30], [1, 5]],
    ['Days 8-14', 'Days 8-14', 'day', [8, 14], [2, 2]],
    ['Day01~15', 'Day01~15', 'day', [1, 15], [1, 3]],
    ['Day 7', 'Day 7', 'day', [7, 7], [1, 1]],
    ['Day 8', 'Day 8', 'day', [8, 8], [2, 2]],
    // #100DaysOfCode logs: round and day
    ['R1D1 - 15MAY2020', 'R1D1', 'day', [1, 1], [1, 1]],
    ['R2D14', 'R2D14', 'day', [14, 14], [2, 2]],
    ['R1D1-R1D7 recap', 'R1D1-R1D7', 'day', [1, 7], [1, 1]],
    // Spanish
    ['Fase 1: Fundamentos (Semanas 1-3)', 'Semanas 1-3', 'week', [1, 3], [1, 3]],
    ['Semanas 1 a 3', 'Semanas 1 a 3', 'week', [1, 3], [1, 3]],
    ['Semanas 2 al 4', 'Semanas 2 al 4', 'week', [2, 4], [2, 4]],
    ['Mes 1', 'Mes 1', 'month', [1, 1], [1, 4]],
    ['Meses 2-3', 'Meses 2-3', 'month', [2, 3], [5, 12]],
    ['Días 1-14', 'Días 1-14', 'day', [1, 14], [1, 2]],
    // Portuguese
    ['Etapa 2 (Semanas 4 até 6)', 'Semanas 4 até 6', 'week', [4, 6], [4, 6]],
    ['Mês 2', 'Mês 2', 'month', [2, 2], [5, 8]],
    ['Dias 1 a 21', 'Dias 1 a 21', 'day', [1, 21], [1, 3]],
    // French
    ['Étape 1 : Bases (Semaines 1 à 3)', 'Semaines 1 à 3', 'week', [1, 3], [1, 3]],
    ['Semaine 4', 'Semaine 4', 'week', [4, 4], [4, 4]],
    ['Mois 3', 'Mois 3', 'month', [3, 3], [9, 12]],
    ['Jours 1 au 14', 'Jours 1 au 14', 'day', [1, 14], [1, 2]],
    // German
    ['Phase 1: Grundlagen (Wochen 1 bis 3)', 'Wochen 1 bis 3', 'week', [1, 3], [1, 3]],
    ['Woche 5', 'Woche 5', 'week', [5, 5], [5, 5]],
    ['Monat 2', 'Monat 2', 'month', [2, 2], [5, 8]],
    ['Monate 1-2', 'Monate 1-2', 'month', [1, 2], [1, 8]],
    ['Tage 1-14', 'Tage 1-14', 'day', [1, 14], [1, 2]],
    // Russian
    ['Этап 2: SQL (Недели 3-4)', 'Недели 3-4', 'week', [3, 4], [3, 4]],
    ['Неделя 5', 'Неделя 5', 'week', [5, 5], [5, 5]],
    ['Недели 1 по 3', 'Недели 1 по 3', 'week', [1, 3], [1, 3]],
    ['Месяц 2', 'Месяц 2', 'month', [2, 2], [5, 8]],
    ['Месяцы 1-2', 'Месяцы 1-2', 'month', [1, 2], [1, 8]],
    ['Дни 1-10', 'Дни 1-10', 'day', [1, 10], [1, 2]],
    // Chinese
    ['第1-2周', '第1-2周', 'week', [1, 2], [1, 2]],
    ['第一阶段：基础（第1-2周）', '第1-2周', 'week', [1, 2], [1, 2]],
    ['第3周', '第3周', 'week', [3, 3], [3, 3]],
    ['第一至三周', '第一至三周', 'week', [1, 3], [1, 3]],
    ['第十一周', '第十一周', 'week', [11, 11], [11, 11]],
    ['第2个月', '第2个月', 'month', [2, 2], [5, 8]],
    ['第1-30天', '第1-30天', 'day', [1, 30], [1, 5]],
  ])('reads %j: %j in %ss %j, weeks %j', (text, notation, unit, [start, end], [weekStart, weekEnd]) => {
    expect(parseWeekRange(text)).toEqual({
      weeks: { start: weekStart, end: weekEnd },
      ongoing: false,
      index: text.indexOf(notation),
      length: notation.length,
      unit,
      written: { start, end },
    });
  });

  it('counts a month as weeksPerMonth weeks when asked', () => {
    expect(parseWeekRange('Months 2-3', { weeksPerMonth: 5 })?.weeks).toEqual({ start: 6, end: 15 });
    expect(toWeeks('month', { start: 1, end: 1 }, 4)).toEqual({ start: 1, end: 4 });
  });

  it.each<[text: string, notation: string]>([
    ['Práctica — en curso', '— en curso'],
    ['Prática (contínuo)', '(contínuo)'],
    ['Pratique (en continu)', '(en continu)'],
    ['Übung (laufend)', '(laufend)'],
    ['Laufend: Übung', 'Laufend'],
    ['Практика (постоянно)', '(постоянно)'],
    ['实践（持续）', '（持续）'],
    ['Practice (Throughout)', '(Throughout)'],
  ])('reads %j as ongoing in another language (%j)', (text, notation) => {
    const result = parseWeekRange(text);
    expect(result?.ongoing).toBe(true);
    expect(result?.index).toBe(text.indexOf(notation));
    expect(result?.length).toBe(notation.length);
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
    'Weeks 1.5',
    'Version 1.2-1.4',
    'Python 3.10-3.12',
    'Months 2024-2025',
    'Day 1000',
    'r1d1 in lower case',
    'FR1D2 inside a word',
    'Semana Santa',
    'Monday 5',
    'Tagebuch 2',
    'Java 17-21',
    'Roadmap 2025 — 2026',
    '第一阶段：基础',
    '学习 2 周',
    '',
  ])('finds no week notation in %j', (text) => {
    expect(parseWeekRange(text)).toBeNull();
  });

  it('answers a text read before with a fresh notation: a caller changing one (a daily log’s `Day 0`) changes no later answer', () => {
    for (const text of ['Day 0: Setup', 'Phase 1 (Weeks 1-3)', 'Months 2-3', 'Advanced (Ongoing)']) {
      const first = parseWeekRange(text, { weeksPerMonth: 4 })!;
      const expected = structuredClone(first);
      if (first.written) first.written.start = 99;
      if (first.weeks) first.weeks.end = 99;
      first.index = 99;
      expect(parseWeekRange(text, { weeksPerMonth: 4 })).toEqual(expected);
    }
  });

  it('converts a cached month notation with the weeks per month of each call', () => {
    expect(parseWeekRange('Months 2-3', { weeksPerMonth: 4 })?.weeks).toEqual({ start: 5, end: 12 });
    expect(parseWeekRange('Months 2-3', { weeksPerMonth: 5 })?.weeks).toEqual({ start: 6, end: 15 });
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
    ['第一阶段：基础（第1-2周）', '第一阶段：基础'],
    ['实践（持续，每天）', '实践'],
    ['Fase 1: Fundamentos (Semanas 1-3)', 'Fase 1: Fundamentos'],
  ])('strips %j to %j', (heading, title) => {
    const notation = parseWeekRange(heading);
    expect(notation).not.toBeNull();
    expect(stripWeekRange(heading, notation!)).toBe(title);
  });
});
