import { describe, expect, it } from 'vitest';
import { labelTable, resolveLabels } from '../src/model/labels.js';
import { toViewModel } from '../src/view/to-view-model.js';
import { processRoadmap } from '../src/pipeline/process-roadmap.js';

const roadmap = (lang: string, start = '2027-01-04') => `---
lang: ${lang}
start: ${start}
---

# Plan

## Phase 1: Basics (Weeks 1-3)

- One
- Two
- Three

## Practice (Ongoing)

- Four
`;

/** Intl puts thin and narrow no-break spaces in dates; compare them as plain spaces. */
const plain = (text: string | null | undefined) => text?.replace(/[\u2009\u202f\u00a0]/g, ' ') ?? text;

async function view(source: string, labels?: Parameters<typeof toViewModel>[2]) {
  const { roadmap: model } = await processRoadmap(source, 'plan.md');
  return toViewModel(model!, 'test', labels);
}

describe('dates and words in the roadmap language', () => {
  it.each([
    ['en', 'Weeks 1–3', 'Jan 4 – 24, 2027', 'Week 1', 'Jan 10', 'Ongoing', 'Due', 'Page', 'of'],
    ['es', 'Semanas 1–3', '4–24 ene 2027', 'Semana 1', '10 ene', 'Continuo', 'Para el', 'Página', 'de'],
    ['pt', 'Semanas 1–3', '4 – 24 de jan. de 2027', 'Semana 1', '10 de jan.', 'Contínuo', 'Prazo', 'Página', 'de'],
    ['fr', 'Semaines 1–3', '4–24 janv. 2027', 'Semaine 1', '10 janv.', 'En continu', 'Pour le', 'Page', 'sur'],
    ['de', 'Wochen 1–3', '4.–24. Jan. 2027', 'Woche 1', '10. Jan.', 'Laufend', 'Fällig', 'Seite', 'von'],
    ['ru', 'Недели 1–3', '4–24 янв. 2027 г.', 'Неделя 1', '10 янв.', 'Постоянно', 'Срок', 'Страница', 'из'],
    ['zh', '第1–3周', '2027/1/4 – 2027/1/24', '第1周', '1月10日', '持续', '截止', '页', '/'],
  ])('%s', async (lang, weekLabel, dateLabel, itemWeek, dueLabel, ongoing, due, page, of) => {
    const model = await view(roadmap(lang));
    const [phase, practice] = model.parts;
    expect(phase?.weekLabel).toBe(weekLabel);
    expect(plain(phase?.dateLabel)).toBe(dateLabel);
    expect(phase?.topics[0]?.items[0]).toMatchObject({ weekLabel: itemWeek, due: '2027-01-10' });
    expect(plain(phase?.topics[0]?.items[0]?.dueLabel)).toBe(dueLabel);
    expect(practice).toMatchObject({ weekLabel: ongoing, dateLabel: null });
    expect(practice?.topics[0]?.items[0]).toMatchObject({ due: null, dueLabel: null, weekLabel: null });
    expect(model.labels).toMatchObject({ due, page, of, ongoing });
    expect(model.start).toBe('2027-01-04');
    expect(model.schedule.map((week) => week.week)).toEqual([1, 2, 3]);
  });

  it('shows years on due dates when the schedule crosses a year end', async () => {
    const model = await view(roadmap('en', '2026-12-21'));
    const [one, two, three] = model.parts[0]!.topics[0]!.items;
    expect([one?.dueLabel, two?.dueLabel, three?.dueLabel].map(plain)).toEqual(['Dec 27, 2026', 'Jan 3, 2027', 'Jan 10, 2027']);
    expect(plain(model.parts[0]?.dateLabel)).toBe('Dec 21, 2026 – Jan 10, 2027');
  });

  it('leaves every date empty without a start date: no guesses', async () => {
    const model = await view(roadmap('en').replace('start: 2027-01-04\n', ''));
    expect(model.parts[0]).toMatchObject({ weekLabel: 'Weeks 1–3', dateLabel: null });
    expect(model.parts[0]?.topics[0]?.items[0]).toMatchObject({ weekLabel: 'Week 1', due: null, dueLabel: null });
    expect(model.start).toBeNull();
    expect(model.schedule).toEqual([]);
  });

  it('takes config labels over the table: for every language, then per language, then per exact tag', async () => {
    const model = await view(roadmap('pt-BR'), {
      labels: { due: 'Deadline', pt: { due: 'Entrega', page: 'Pág.' }, 'pt-BR': { page: 'Folha' }, es: { due: 'Nope' } },
    });
    expect(model.labels.due).toBe('Entrega');
    expect(model.labels.page).toBe('Folha');
    expect(model.labels.of).toBe('de');
    expect(resolveLabels('en', { due: 'Deadline' }).due).toBe('Deadline');
  });

  it('falls back to English for a language without a table, and has every key in every table', () => {
    expect(resolveLabels('nl')).toEqual(labelTable.en);
    const keys = Object.keys(labelTable.en!).sort();
    for (const [lang, words] of Object.entries(labelTable)) {
      expect(Object.keys(words).sort(), lang).toEqual(keys);
      for (const word of Object.values(words)) expect(word.trim(), lang).not.toBe('');
    }
  });

  it('gives topics their own week label and tables their columns and cells', async () => {
    const model = await view(`# T

## Phase 1 (Weeks 1-4)

### Week 3: Traits

- Trait objects

| Course | Hours |
| --- | --- |
| SQL | 4 |
`);
    const [traits, table] = model.parts[0]!.topics;
    expect(traits).toMatchObject({ title: 'Week 3: Traits', weeks: { start: 3, end: 3 }, weekLabel: 'Week 3', columns: null });
    expect(traits?.items[0]).toMatchObject({ week: 3, cells: null });
    expect(table).toMatchObject({ title: null, weeks: null, weekLabel: null, columns: ['Course', 'Hours'] });
    // The table sits under `### Week 3: Traits`: the sub-heading's week pins it too.
    expect(table?.items[0]).toMatchObject({ text: 'SQL', cells: ['4'], week: 3 });
  });

  it('counts an item of several weeks to its last (`- Weeks 7–8: …`): the plan span, its label and its due date', async () => {
    const source = `---
start: 2027-01-04
---

# 8-Week Study Plan

## Outline

- Weeks 1–2: Foundations
- Weeks 3–4: Practice
- Weeks 5–6: Integration
- Weeks 7–8: Review and polish
`;
    const model = await view(source);
    expect(model.stats.weeks).toBe(8);
    const items = model.parts[0]!.topics[0]!.items;
    expect(items.map((item) => [item.week, item.weeks, item.weekLabel])).toEqual([
      [1, { start: 1, end: 2 }, 'Weeks 1–2'],
      [3, { start: 3, end: 4 }, 'Weeks 3–4'],
      [5, { start: 5, end: 6 }, 'Weeks 5–6'],
      [7, { start: 7, end: 8 }, 'Weeks 7–8'],
    ]);
    // Due at the end of its last week: week 8 ends on Sunday 2027-02-28.
    expect(items[3]!.due).toBe('2027-02-28');
  });
});
