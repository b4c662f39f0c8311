import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toTemplateData } from '../src/view/to-template-data.js';
import { toGroupView } from '../src/view/to-group-view.js';
import { toViewModel } from '../src/view/to-view-model.js';
import { processRoadmap } from '../src/pipeline/process-roadmap.js';
import { createRenderer } from '../src/render/create-renderer.js';
import { builtinHelpers } from '../src/render/register-helpers.js';
import { loadHelpers } from '../src/render/load-helpers.js';
import type { TemplateSource } from '../src/render/load-template.js';
import { repoRoot } from './helpers/run-cli.js';

/** Render a one-file template over `view` with the built-in helpers. */
function render(source: string, view: object, labels: Record<string, Record<string, string>> = {}): string {
  const template: TemplateSource = {
    name: 'test',
    dir: '.',
    description: 'test',
    formats: ['html'],
    extends: [],
    layout: { name: 'layout', path: 'layout.hbs', source },
    partials: [],
    header: null,
    footer: null,
    css: '',
    script: null,
    labels,
  };
  return createRenderer(template)(view).html;
}

const view = {
  lang: 'en',
  labels: { week: 'Week', weeks: 'Weeks', ongoing: 'Ongoing' },
  weeks: { start: 1, end: 3 },
  single: { start: 4, end: 4 },
  due: '2027-01-10',
  topic: {
    items: [
      { checked: true, children: [{ checked: false, children: [] }] },
      { checked: true, children: [] },
    ],
  },
  group: {
    meetings: [
      { week: 1, dateLabel: 'Tue, Jan 5' },
      { week: 4, dateLabel: 'Tue, Jan 26' },
    ],
  },
};

describe('built-in helpers', () => {
  it.each([
    ['{{#if (eq 1 1)}}yes{{/if}}{{#if (eq 1 "1")}}no{{/if}}', 'yes'],
    ['{{#if (ne lang "de")}}not German{{/if}}', 'not German'],
    ['{{plural 1 "item" "items"}} {{plural 2 "item" "items"}}', 'item items'],
    ['{{percent 1 3}} {{percent 0 0}}', '33 0'],
    ['{{countItems topic}} {{countChecked topic}}', '3 2'],
    [
      '{{formatDate due}} | {{formatDate due "short"}} | {{formatDate due "long"}} | {{formatDate due "weekday"}}',
      'Jan 10, 2027 | Jan 10 | Sunday, January 10, 2027 | Sun, Jan 10',
    ],
    [
      '{{dateRange "2027-01-04" "2027-01-10"}} | {{dateRange "2026-12-28" "2027-01-03"}}',
      'Jan 4\u2009–\u200910, 2027 | Dec 28, 2026\u2009–\u2009Jan 3, 2027',
    ], // Intl puts thin spaces around the dash,
    ['{{weekRange weeks}} | {{weekRange single}} | {{weekRange null true}} | {{weekRange null false}}', 'Weeks 1–3 | Week 4 | Ongoing | '],
    ['{{label "week"}} {{label "doneOn"}}', 'Week Done on'],
    ['{{makeId "phase-1--move" "Ana Lima" 2}}', 'phase-1--move--ana-lima--2'],
    ['{{#each (meetingsFor weeks)}}{{dateLabel}}{{/each}}', 'Tue, Jan 5'],
    ['{{join (meetingsFor null) ", "}}', ''],
  ])('%s', (source, expected) => {
    expect(render(source, view, { en: { doneOn: 'Done on' } })).toBe(expected);
  });

  it('formats dates in the roadmap language, template words too', () => {
    const german = { ...view, lang: 'de', labels: { week: 'Woche', weeks: 'Wochen', ongoing: 'Laufend' } };
    const words = { en: { doneOn: 'Done on' }, de: { doneOn: 'Erledigt am' } };
    expect(render('{{formatDate due "long"}} · {{weekRange weeks}} · {{label "doneOn"}}', german, words)).toBe(
      'Sonntag, 10. Januar 2027 · Wochen 1–3 · Erledigt am',
    );
    expect(render('{{label "doneOn"}}', { ...view, lang: 'de-AT' }, words)).toBe('Erledigt am');
    expect(render('{{label "doneOn"}}', { ...view, lang: 'fr' }, words)).toBe('Done on');
  });

  it('escapes what helpers return', () => {
    expect(render('{{join list " "}}', { list: ['<b>', '&'] })).toBe('&lt;b&gt; &amp;');
  });

  it('fail with the helper, file and line', () => {
    expect(() => render('\n{{formatDate "tomorrow"}}', view)).toThrow(
      'layout.hbs:2: helper "formatDate" failed: expected an ISO date such as 2027-01-04, got "tomorrow"',
    );
    expect(() => render('{{label "nope"}}', view)).toThrow('layout.hbs:1: helper "label" failed: unknown label "nope"; known:');
  });

  it('never share a name with a field of the template data (Handlebars would call the helper instead)', async () => {
    const seed = path.join(repoRoot, 'content/rust-backend.md');
    const { roadmap } = await processRoadmap(await readFile(seed), seed);
    const data = toTemplateData(toViewModel(roadmap!, 'test'), {
      group: { name: 'G', members: ['Ana'], meets: { weekday: 'monday', time: '10:00' } },
    });
    const fields = new Set<string>();
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          fields.add(key);
          walk(child);
        }
      }
    };
    walk({ ...data, start: '2027-01-04' });
    expect(Object.keys(builtinHelpers).filter((name) => fields.has(name))).toEqual([]);
  });
});

describe('meeting dates', () => {
  const group = { name: 'G', members: ['Ana Lima', 'Ben'], meets: { weekday: 'monday' as const, time: '18:30' } };

  it('gives a meeting per week, on the first matching day of each week, across the year end', () => {
    // Week 1 starts on Thursday 24 December 2026: its Monday is the 28th.
    const view = toGroupView(group, { lang: 'en', start: '2026-12-24', lastWeek: 3 })!;
    expect(view.meetings).toEqual([
      { week: 1, weekLabel: 'Week 1', date: '2026-12-28', dateLabel: 'Mon, Dec 28', when: 'Mon, Dec 28, 6:30 PM' },
      { week: 2, weekLabel: 'Week 2', date: '2027-01-04', dateLabel: 'Mon, Jan 4', when: 'Mon, Jan 4, 6:30 PM' },
      { week: 3, weekLabel: 'Week 3', date: '2027-01-11', dateLabel: 'Mon, Jan 11', when: 'Mon, Jan 11, 6:30 PM' },
    ]);
    expect(view.members).toEqual([
      { name: 'Ana Lima', id: 'ana-lima', initials: 'AL', index: 0 },
      { name: 'Ben', id: 'ben', initials: 'B', index: 1 },
    ]);
    expect(view.meets).toEqual({ weekday: 'Monday', time: '6:30 PM', when: 'Monday 6:30 PM' });
  });

  it('meets on the start day itself when it is the weekday, in the roadmap language', () => {
    const view = toGroupView(group, { lang: 'de', start: '2027-01-04', lastWeek: 1 })!;
    expect(view.meetings).toEqual([
      { week: 1, weekLabel: 'Woche 1', date: '2027-01-04', dateLabel: 'Mo., 4. Jan.', when: 'Mo., 4. Jan., 18:30' },
    ]);
    expect(view.meets?.when).toBe('Montag 18:30');
  });

  it('without a start date: the weekday and time only', () => {
    const view = toGroupView(group, { lang: 'en', start: null, lastWeek: 18 })!;
    expect(view.meetings).toEqual([]);
    expect(view.meets?.when).toBe('Monday 6:30 PM');
  });
});

describe("a project's helpers module", () => {
  it('is imported again when it changes, as serve and --watch need', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-helpers-'));
    try {
      const file = path.join(dir, 'helpers.mjs');
      await writeFile(file, 'export const shout = (text) => String(text).toUpperCase();\n');
      const first = await loadHelpers(file);
      expect(first.shout!('hi')).toBe('HI');
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the helpers module's own source
      await writeFile(file, 'export const shout = (text) => `${text}!`;\n');
      const second = await loadHelpers(file);
      expect(second.shout!('hi')).toBe('hi!');
      // Unchanged, it is the same module.
      expect((await loadHelpers(file)).shout).toBe(second.shout);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
