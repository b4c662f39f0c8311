import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeICalText, foldICalLine } from '../src/calendar/fold-ical-line.js';
import { toICalendar } from '../src/calendar/to-icalendar.js';
import { processRoadmap } from '../src/pipeline/process-roadmap.js';
import { runCli } from './helpers/run-cli.js';

const source = `---
start: 2026-12-28
---

# Rust, with commas; and semicolons

## Phase 1: Fundamentals (Weeks 1-2)

- Install Rust, Cargo; rustup
- [x] Hello world
  - Print it twice
- Ownership — a very long item whose text goes well past seventy-five octets so that the line must be folded: ünïcödé 所有权

## Phase 2: Practice (Ongoing)

- Read code
`;

const stamp = new Date('2026-11-01T09:30:00Z');

async function calendarOf(text: string) {
  const { roadmap } = await processRoadmap(text, 'rust.md');
  return toICalendar(roadmap!, { stamp, uidPrefix: 'rust', generator: 'roadmap-press 0.1.0' });
}

describe('toICalendar', () => {
  it('writes one all-day event per scheduled week that ical.js reads back', async () => {
    const text = (await calendarOf(source))!;
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//roadmap-press//roadmap-press 0.1.0//EN');
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events.map((event) => event.summary)).toEqual(['Phase 1: Fundamentals — Week 1', 'Phase 1: Fundamentals — Week 2']);
    expect(events.map((event) => event.uid)).toEqual([
      'rust--phase-1-fundamentals--week-1@roadmap-press',
      'rust--phase-1-fundamentals--week-2@roadmap-press',
    ]);
    // All-day across the year end: DTEND is the day after the week's last day.
    expect(events.map((event) => [event.startDate.toString(), event.endDate.toString(), event.startDate.isDate])).toEqual([
      ['2026-12-28', '2027-01-04', true],
      ['2027-01-04', '2027-01-11', true],
    ]);
    expect(events[0]!.description).toBe('[ ] Install Rust, Cargo; rustup\n[x] Hello world\n  [ ] Print it twice');
    expect(events[1]!.description).toBe(
      '[ ] Ownership — a very long item whose text goes well past seventy-five octets so that the line must be folded: ünïcödé 所有权',
    );
    const dtstamp = calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(dtstamp.toString()).toBe('2026-11-01T09:30:00Z');
  });

  it('uses CRLF line ends and folds every line to at most 75 octets', async () => {
    const text = (await calendarOf(source))!;
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('gives the same UIDs when the items change', async () => {
    const before = (await calendarOf(source))!.match(/^UID:.*$/gm);
    const after = (await calendarOf(source.replace('- Read code', '- Read more code').replace('Hello world', 'Hi')))!.match(/^UID:.*$/gm);
    expect(after).toEqual(before);
  });

  it('returns null without a start date', async () => {
    expect(await calendarOf(source.replace('start: 2026-12-28\n', 'title: Undated\n'))).toBeNull();
  });
});

describe('foldICalLine and escapeICalText', () => {
  it('never splits a UTF-8 character', () => {
    const folded = foldICalLine(`DESCRIPTION:${'所有权'.repeat(40)}`);
    for (const line of folded.split('\r\n').slice(0, -1)) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'所有权'.repeat(40)}\r\n`);
  });

  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeICalText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});

describe('roadmap-press build --format ics', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-ics-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes NAME.ics with --start, and warns instead without a start date', async () => {
    await writeFile(path.join(dir, 'plan.md'), source.replace('start: 2026-12-28\n', 'title: Plan\n'));
    const undated = await runCli(['build', 'plan.md', '--format', 'ics', '--out', 'out'], { cwd: dir });
    expect(undated.code).toBe(0);
    expect(undated.stderr).toContain(
      'plan.md:1:1 warning No calendar written: no start date, expected front matter `start`, config `start` or `--start` [no-start-date]',
    );

    const dated = await runCli(['build', 'plan.md', '--format', 'ics', '--out', 'out', '--start', '2027-01-04'], { cwd: dir });
    expect(dated.code).toBe(0);
    const events = new ICAL.Component(ICAL.parse(await readFile(path.join(dir, 'out', 'plan.ics'), 'utf8'))).getAllSubcomponents('vevent');
    expect(events.map((event) => event.getFirstPropertyValue('uid'))).toEqual([
      'plan--phase-1-fundamentals--week-1@roadmap-press',
      'plan--phase-1-fundamentals--week-2@roadmap-press',
    ]);
    expect(String(events[0]!.getFirstPropertyValue('dtstart'))).toBe('2027-01-04');
  });

  it('rejects a bad --start as a usage error', async () => {
    const result = await runCli(['build', 'plan.md', '--format', 'ics', '--start', '2027-02-30'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "option '--start <date>' argument '2027-02-30' is invalid. expected a date written YYYY-MM-DD, such as 2027-01-04",
    );
  });
});
