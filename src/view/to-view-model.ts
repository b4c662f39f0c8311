import { flattenItems } from '../model/flatten-items.js';
import { formatDate, formatDateRange } from '../shared/dates.js';
import { formatWeeks, labelTable, resolveLabels, type LabelOverrides, type Labels } from '../model/labels.js';
import { roadmapKey } from './roadmap-key.js';
import type {
  ItemState,
  Roadmap,
  RoadmapItem,
  RoadmapPhase,
  RoadmapSection,
  RoadmapTopic,
  ScheduledWeek,
  WeekRange,
} from '../model/roadmap.js';

/** The English labels (see labels.ts for every language and config overrides). */
export const labels: Labels = labelTable.en!;

export interface ViewItem extends Omit<RoadmapItem, 'children' | 'due' | 'cells' | 'state'> {
  /** `todo`, `doing` (`[~]`/`[-]`, in progress) or `done`. */
  state: ItemState;
  /** `Week 3` (`Weeks 7–8` for an item of several weeks), or `null` when the item has no week. */
  weekLabel: string | null;
  /** Due date as an ISO date (`2027-01-10`) when the roadmap is scheduled, else `null`. */
  due: string | null;
  /** The due date formatted in the roadmap's language, else `null`. */
  dueLabel: string | null;
  /** A table row's other cells (plain text), else `null`. */
  cells: string[] | null;
  children: ViewItem[];
}

export interface ViewTopic extends Omit<RoadmapTopic, 'items' | 'weeks' | 'ongoing' | 'columns'> {
  /** The topic's own weeks (`### Week 5: Traits`), else `null`. */
  weeks: WeekRange | null;
  ongoing: boolean;
  /** `Week 5`, `Ongoing` for a topic with its own weeks, else `null`. */
  weekLabel: string | null;
  /** A table's header cells, else `null`. */
  columns: string[] | null;
  items: ViewItem[];
}

export interface ViewPart {
  kind: 'phase' | 'section';
  isPhase: boolean;
  id: string;
  title: string | null;
  weeks: WeekRange | null;
  ongoing: boolean;
  /** `Weeks 1–3`, `Week 4`, `Ongoing`, or `null`. */
  weekLabel: string | null;
  /** The phase's dates in the roadmap's language (`Jan 4 – Jan 24, 2027`) when scheduled, else `null`. */
  dateLabel: string | null;
  line: number;
  itemCount: number;
  topics: ViewTopic[];
}

/** What every template receives. Plain data only: templates never see the Markdown tree. */
export interface ViewModel {
  title: string;
  /** Where the handout remembers progress: front matter `key`, else a slug of the title (`rust-learning-roadmap`). */
  key: string;
  lang: string;
  description: string | null;
  author: string | null;
  meta: Record<string, unknown>;
  /** Phases and sections in document order. */
  parts: ViewPart[];
  phases: ViewPart[];
  sections: ViewPart[];
  /** `weeks`: the weeks the plan spans, first to last (0 when undated); `doing`: items in progress (`[~]`). */
  stats: { phases: number; weeks: number; items: number; checked: number; doing: number };
  labels: Labels;
  generator: string;
  /** Start date (ISO) and every scheduled week with its dates and a formatted label, when the roadmap is scheduled. */
  start: string | null;
  schedule: (ScheduledWeek & { label: string })[];
}

/** What `toViewModel` needs besides the roadmap. */
export interface ViewOptions {
  /** Config `labels`, over the language's label table. */
  labels?: LabelOverrides;
}

/** Build the view model templates render, from an enriched roadmap. Pure. */
export function toViewModel(roadmap: Roadmap, generator: string, options: ViewOptions = {}): ViewModel {
  const words = resolveLabels(roadmap.lang, options.labels);
  const dates = toDates(roadmap, words);
  const parts = [
    ...roadmap.phases.map((phase) => toPart(phase, 'phase', dates)),
    ...roadmap.sections.map((section) => toPart(section, 'section', dates)),
  ].sort((a, b) => a.line - b.line);
  const items = flattenItems(parts.flatMap((part) => part.topics.flatMap((topic) => topic.items)));
  const span = planSpan(roadmap, items);
  const author = roadmap.meta.author;
  return {
    title: roadmap.title,
    key: roadmapKey(roadmap.title, roadmap.meta),
    lang: roadmap.lang,
    description: roadmap.description,
    author: typeof author === 'string' ? author : null,
    meta: roadmap.meta,
    parts,
    phases: parts.filter((part) => part.isPhase),
    sections: parts.filter((part) => !part.isPhase),
    stats: {
      phases: roadmap.phases.length,
      weeks: span === null ? 0 : span.end - span.start + 1,
      items: items.length,
      checked: items.filter((item) => item.checked).length,
      doing: items.filter((item) => item.state === 'doing').length,
    },
    labels: words,
    generator,
    start: roadmap.start ?? null,
    schedule: (roadmap.schedule ?? []).map((entry) => ({ ...entry, label: formatDateRange(roadmap.lang, entry.start, entry.end) })),
  };
}

/**
 * The weeks the plan spans, first to last, from its phases, topics and items
 * (a 5-week plan is 5 weeks even when week 3 holds no item); `null` undated.
 */
function planSpan(roadmap: Roadmap, items: ViewItem[]): WeekRange | null {
  const weeks: number[] = [];
  for (const phase of roadmap.phases) if (phase.weeks) weeks.push(phase.weeks.start, phase.weeks.end);
  for (const group of [...roadmap.phases, ...roadmap.sections])
    for (const topic of group.topics) if (topic.weeks) weeks.push(topic.weeks.start, topic.weeks.end);
  for (const item of items) if (item.week !== null) weeks.push(item.week, item.weeks?.end ?? item.week);
  if (weeks.length === 0) return null;
  return { start: Math.min(...weeks), end: Math.max(...weeks) };
}

/** How dates and weeks read in one roadmap's language. */
interface DateWords {
  labels: Labels;
  lang: string;
  schedule: Map<number, ScheduledWeek>;
  /** Show years on due dates only when the schedule crosses a year's end. */
  withYear: boolean;
}

function toDates(roadmap: Roadmap, labels: Labels): DateWords {
  const schedule = roadmap.schedule ?? [];
  const years = new Set(schedule.flatMap((entry) => [entry.start.slice(0, 4), entry.end.slice(0, 4)]));
  return { labels, lang: roadmap.lang, schedule: new Map(schedule.map((entry) => [entry.week, entry])), withYear: years.size > 1 };
}

/** `Weeks 1–3`, `Week 4`, `Ongoing` or `null`. */
export function formatWeekRange(weeks: WeekRange | null, ongoing: boolean, words: Labels = labels): string | null {
  if (weeks) return formatWeeks(words, weeks.start, weeks.end);
  return ongoing ? words.ongoing : null;
}

function toPart(group: RoadmapPhase | RoadmapSection, kind: ViewPart['kind'], dates: DateWords): ViewPart {
  const phase = kind === 'phase' ? (group as RoadmapPhase) : null;
  const topics = group.topics.map((topic) => toTopic(topic, dates));
  const first = phase?.weeks ? dates.schedule.get(phase.weeks.start) : undefined;
  const last = phase?.weeks ? dates.schedule.get(phase.weeks.end) : undefined;
  return {
    kind,
    isPhase: phase !== null,
    id: group.id,
    title: group.title,
    weeks: phase?.weeks ?? null,
    ongoing: phase?.ongoing ?? false,
    weekLabel: phase ? formatWeekRange(phase.weeks, phase.ongoing, dates.labels) : null,
    dateLabel: first && last ? formatDateRange(dates.lang, first.start, last.end) : null,
    line: group.line,
    itemCount: flattenItems(topics.flatMap((topic) => topic.items)).length,
    topics,
  };
}

// Topics and items are built field by field: an object spread followed by more
// fields costs V8 about fifty times as much, and a roadmap has thousands of items.
function toTopic(topic: RoadmapTopic, dates: DateWords): ViewTopic {
  return {
    id: topic.id,
    title: topic.title,
    note: topic.note,
    line: topic.line,
    items: topic.items.map((item) => toItem(item, dates)),
    weeks: topic.weeks ?? null,
    ongoing: topic.ongoing ?? false,
    weekLabel: formatWeekRange(topic.weeks ?? null, topic.ongoing ?? false, dates.labels),
    columns: topic.columns ?? null,
  };
}

function toItem(item: RoadmapItem, dates: DateWords): ViewItem {
  return {
    id: item.id,
    text: item.text,
    html: item.html,
    week: item.week,
    ...(item.weeks ? { weeks: item.weeks } : {}),
    checked: item.checked,
    state: item.state ?? (item.checked ? 'done' : 'todo'),
    line: item.line,
    children: item.children.map((child) => toItem(child, dates)),
    weekLabel: item.week === null ? null : formatWeeks(dates.labels, item.week, item.weeks?.end),
    due: item.due ?? null,
    dueLabel: item.due ? formatDate(dates.lang, item.due, dates.withYear ? 'medium' : 'short') : null,
    cells: item.cells ?? null,
  };
}
