import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { RoadmapItem, RoadmapPhase, RoadmapSection, RoadmapTopic, WeekRange } from '../../model/roadmap.js';
import { distributeWeeks } from '../distribute-weeks.js';
import type { Timing } from '../file-data.js';
import { layOutUndatedPhases } from '../lay-out-undated-phases.js';
import { defaultWeeksPerMonth, parseDuration, parseWeekRange, stripWeekRange, toWeeks, type WeekNotation } from '../parse-week-range.js';
import { daysBetween, readHeadingDate } from '../read-heading-date.js';
import { readLeadingWeek } from '../read-leading-week.js';
import { resolveSetting } from '../../model/settings.js';

/** Longest week range taken at face value (about ten years). */
export const maxWeek = 520;

/**
 * Read each phase's time from its heading (or the notation right under it:
 * `(Weeks 1-3)`, `(Months 2-3)`, `(Days 1-30)`, `(2 weeks)`, `(Ongoing)`,
 * `第1-2周`) and each topic's (`### Week 5: Traits`, `#### Day 3`,
 * `### 2025-07-01`), then give every item a week. A topic's own weeks win
 * over its phase's and pin its items; a topic nested in another shares its
 * weeks; weeks and days that restart inside a longer phase or topic
 * (`Month 2` › `Week 1`, `Week 2` › `Day 1`) count from its start; a
 * duration starts after the phase before it; the first dated heading is
 * week 1 of a dated plan. A table's week or day column dates its rows.
 * Items of undated or ongoing phases and topics keep `week: null`. A phase
 * whose heading has no weeks but whose topics do spans them; with
 * `weeksPerPhase`, the remaining undated phases are laid out after the last
 * dated one. Sub-items share the week of their parent.
 */
const remarkWeekNumbers: Plugin<[], Root> = () => (_tree, file) => {
  const roadmap = file.data.roadmap;
  if (!roadmap) return;
  const matter = file.data.matter ?? {};
  const layers = file.data.settings ?? {};
  const timing: Timing = file.data.timing ?? { text: new Map(), parent: new Map(), pinned: new Map() };
  const weeksPerMonth = resolveSetting('weeksPerMonth', layers, matter) ?? defaultWeeksPerMonth;
  const weeksPerPhase = resolveSetting('weeksPerPhase', layers, matter);
  const broken = new Set<RoadmapPhase>();
  const groups: (RoadmapPhase | RoadmapSection)[] = [...roadmap.phases, ...roadmap.sections];
  const textOf = (node: RoadmapPhase | RoadmapTopic) => timing.text.get(node) ?? ('heading' in node ? node.heading : node.title);

  // Dated headings: the earliest date is the plan's start unless a start date was given.
  const dates = [
    ...roadmap.phases.flatMap((phase) => readHeadingDate(textOf(phase) ?? '') ?? []),
    ...groups.flatMap((group) => group.topics.flatMap((topic) => readHeadingDate(textOf(topic) ?? '') ?? [])),
  ];
  const earliest = dates.length > 0 ? [...dates].sort()[0]! : null;
  const start = resolveSetting('start', layers, matter) ?? earliest;
  if (earliest !== null && start === earliest) file.data.datedStart = earliest;

  const reader: TopicReader = { file, timing, weeksPerMonth, start, own: new Map(), textOf };
  let cursor = 0;
  for (const phase of roadmap.phases) {
    const text = textOf(phase) ?? phase.heading;
    const date = start === null ? null : readHeadingDate(text);
    const notation = date === null ? dayOne(parseWeekRange(text, { weeksPerMonth })) : null;
    const duration = notation || date ? null : parseDuration(text);
    if (date !== null && start !== null) {
      const day = daysBetween(start, date) + 1;
      if (day >= 1) {
        phase.weeks = { start: Math.ceil(day / 7), end: Math.ceil(day / 7) };
        phase.days = { start: day, end: day };
      }
    } else if (notation) {
      const own = parseWeekRange(phase.heading, { weeksPerMonth });
      if (own) phase.title = stripWeekRange(phase.heading, own);
      phase.ongoing = notation.ongoing;
      if (notation.weeks) {
        if (checkRange(file, notation, phase.line, weeksPerMonth)) {
          phase.weeks = notation.weeks;
          if (notation.unit === 'day' && notation.written) phase.days = notation.written;
        } else broken.add(phase);
      }
    } else if (duration) {
      const length =
        duration.unit === 'month'
          ? duration.count * weeksPerMonth
          : duration.unit === 'day'
            ? Math.ceil(duration.count / 7)
            : duration.count;
      if (length >= 1) phase.weeks = { start: cursor + 1, end: cursor + length };
    }
    for (const topic of phase.topics) readTopicWeeks(reader, topic, phase.weeks);
    if (!notation && !duration && !date) phase.weeks = spanOf(phase.topics.flatMap((topic) => reader.own.get(topic) ?? []));
    cursor = Math.max(cursor, phase.weeks?.end ?? 0);
  }
  for (const section of roadmap.sections) for (const topic of section.topics) readTopicWeeks(reader, topic, null);
  if (weeksPerPhase !== undefined) layOutUndatedPhases(roadmap.phases, weeksPerPhase, broken);
  for (const group of groups) assignWeeks(reader, group);
};

export default remarkWeekNumbers;

declare module 'vfile' {
  interface DataMap {
    /** The earliest date of a dated roadmap's headings, when it is the plan's start (the schedule starts there). */
    datedStart: string;
  }
}

interface TopicReader {
  file: VFile;
  timing: Timing;
  weeksPerMonth: number;
  start: string | null;
  /** The weeks each topic covers: its own, or its enclosing topic's. */
  own: Map<RoadmapTopic, WeekRange>;
  textOf: (node: RoadmapPhase | RoadmapTopic) => string | null;
}

function readTopicWeeks(reader: TopicReader, topic: RoadmapTopic, phaseWeeks: WeekRange | null) {
  const { file, timing, weeksPerMonth } = reader;
  const parent = timing.parent.get(topic);
  const around = (parent && reader.own.get(parent)) ?? phaseWeeks;
  const inherit = () => {
    if (parent && reader.own.has(parent)) reader.own.set(topic, reader.own.get(parent)!);
    if (parent?.ongoing) topic.ongoing = true;
  };
  const text = reader.textOf(topic);
  if (text === null) return inherit();
  const date = readHeadingDate(text);
  if (date !== null && reader.start !== null) {
    const day = daysBetween(reader.start, date) + 1;
    if (day >= 1) {
      const week = Math.ceil(day / 7);
      topic.weeks = { start: week, end: week };
      reader.own.set(topic, topic.weeks);
    }
    return;
  }
  const notation = parseWeekRange(text, { weeksPerMonth });
  if (!notation) return inherit();
  if (topic.title !== null) {
    const own = parseWeekRange(topic.title, { weeksPerMonth });
    if (own) topic.title = stripWeekRange(topic.title, own);
  }
  if (notation.ongoing) {
    topic.ongoing = true;
    return;
  }
  dayOne(notation);
  const weeks = within(notation, around, weeksPerMonth);
  if (weeks && checkRange(file, { ...notation, weeks }, topic.line, weeksPerMonth)) {
    topic.weeks = weeks;
    reader.own.set(topic, weeks);
  }
}

/** A daily log's `Day 0` is its first day. */
function dayOne(notation: WeekNotation | null): WeekNotation | null {
  if (notation?.unit === 'day' && notation.written?.start === 0 && notation.written.end === 0) {
    notation.written = { start: 1, end: 1 };
    notation.weeks = { start: 1, end: 1 };
  }
  return notation;
}

/** A topic's weeks, counted from the start of the range around it when they restart there (`Month 2` › `Week 1` is week 5). */
function within(notation: WeekNotation, around: WeekRange | null, weeksPerMonth: number): WeekRange | null {
  const { weeks, written, unit } = notation;
  if (!weeks || !written || !unit || !around || contains(around, weeks)) return weeks;
  const offset = unit === 'week' ? around.start - 1 : unit === 'day' ? (around.start - 1) * 7 : 0;
  const shifted = toWeeks(unit, { start: written.start + offset, end: written.end + offset }, weeksPerMonth);
  return offset > 0 && contains(around, shifted) ? shifted : weeks;
}

function contains(outer: WeekRange, inner: WeekRange): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** Report a reversed or impossible range (`week-range`, an error); `true` when the range is usable. */
function checkRange(file: VFile, notation: WeekNotation, line: number, weeksPerMonth: number): boolean {
  const { weeks, written, unit } = notation;
  if (!weeks || !written || !unit) return false;
  const place = { line, column: 1 };
  const range = written.start === written.end ? `${written.start}` : `range ${written.start}-${written.end}`;
  const most = unit === 'week' ? maxWeek : unit === 'month' ? Math.floor(maxWeek / weeksPerMonth) : maxWeek * 7;
  let reason: string | null = null;
  if (weeks.start < 1 || weeks.end > maxWeek || written.start < 1) {
    reason = `Unexpected ${unit} ${range}, expected ${unit}s between 1 and ${most}`;
  } else if (written.start > written.end) {
    reason = `Unexpected ${unit} ${range}, expected start ≤ end`;
  }
  if (reason === null) return true;
  const message = file.message(reason, { place, ruleId: 'week-range', source: 'roadmap-press' });
  message.fatal = true;
  return false;
}

function spanOf(ranges: WeekRange[]): WeekRange | null {
  if (ranges.length === 0) return null;
  return { start: Math.min(...ranges.map((r) => r.start)), end: Math.max(...ranges.map((r) => r.end)) };
}

function assignWeeks(reader: TopicReader, group: RoadmapPhase | RoadmapSection) {
  const loose: RoadmapItem[] = [];
  const groupWeeks = 'heading' in group ? group.weeks : null;
  for (const topic of group.topics) {
    const weeks = reader.own.get(topic);
    const unpinned = topic.items.filter((item) => !pin(reader, item));
    const items = topic.ongoing ? unpinned : pinLeadingWeeks(reader, unpinned, weeks ?? groupWeeks);
    if (weeks) spread(items, weeks);
    else if (!topic.ongoing) loose.push(...items);
  }
  if (groupWeeks) spread(loose, groupWeeks);
}

/**
 * A list written as a schedule, two or more items opening with their week
 * (`- Weeks 1–2: Foundations`, `- Week 3 – Arrays`): each such item is in
 * the week it names (the first of a range, the range kept as its `weeks`), counted from the start of the
 * range around it when it restarts there (`Month 2` › `- Week 1: …` is week
 * 5). Returns the items left to spread.
 */
function pinLeadingWeeks(reader: TopicReader, items: RoadmapItem[], around: WeekRange | null): RoadmapItem[] {
  const found = items.flatMap((item) => {
    const notation = readLeadingWeek(item.text, reader.weeksPerMonth);
    const weeks = notation && within(notation, around, reader.weeksPerMonth);
    return weeks && weeks.start >= 1 && weeks.end <= maxWeek && (!around || contains(around, weeks)) ? [{ item, weeks }] : [];
  });
  if (found.length < 2) return items;
  for (const { item, weeks } of found) {
    setWeek(item, weeks.start);
    // `- Weeks 7–8: Review` lasts both weeks: the plan runs to week 8, and the item is due at its end.
    if (weeks.end > weeks.start) item.weeks = { start: weeks.start, end: weeks.end };
  }
  const pinned = new Set(found.map(({ item }) => item));
  return items.filter((item) => !pinned.has(item));
}

/** Give a table row the week its week or day column names; `true` when it did. */
function pin(reader: TopicReader, item: RoadmapItem): boolean {
  const text = reader.timing.pinned.get(item);
  if (text === undefined) return false;
  const date = readHeadingDate(text);
  if (date !== null && reader.start !== null) {
    const day = daysBetween(reader.start, date) + 1;
    if (day < 1) return false;
    setWeek(item, Math.ceil(day / 7));
    return true;
  }
  const weeks = parseWeekRange(text, { weeksPerMonth: reader.weeksPerMonth })?.weeks;
  if (!weeks || weeks.start < 1 || weeks.start > maxWeek) return false;
  setWeek(item, weeks.start);
  return true;
}

function spread(items: RoadmapItem[], range: WeekRange) {
  const weeks = distributeWeeks(items.length, range);
  for (const [index, item] of items.entries()) setWeek(item, weeks[index] ?? null);
}

function setWeek(item: RoadmapItem, week: number | null) {
  item.week = week;
  for (const child of item.children) setWeek(child, week);
}
