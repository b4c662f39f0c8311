import type { Roadmap, RoadmapItem, RoadmapPhase, RoadmapSection, RoadmapTopic, WeekRange } from './roadmap.js';

/** Words the templates print. English for now; one place to translate. */
export const labels = {
  week: 'Week',
  weeks: 'Weeks',
  ongoing: 'Ongoing',
  unscheduled: 'Unscheduled',
  phase: 'phase',
  phases: 'phases',
  unitWeek: 'week',
  unitWeeks: 'weeks',
  item: 'item',
  items: 'items',
  done: 'done',
  due: 'Due',
  page: 'Page',
  of: 'of',
  contents: 'Contents',
  generatedBy: 'Made with roadmap-press',
} as const;

export interface ViewItem extends Omit<RoadmapItem, 'children'> {
  /** `Week 3`, or `null` when the item has no week. */
  weekLabel: string | null;
  /** Due date as an ISO date (`2027-01-10`) when the roadmap is scheduled, else `null`. */
  due: string | null;
  /** The due date formatted in the roadmap's language, else `null`. */
  dueLabel: string | null;
  children: ViewItem[];
}

export interface ViewTopic extends Omit<RoadmapTopic, 'items'> {
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
  lang: string;
  description: string | null;
  author: string | null;
  meta: Record<string, unknown>;
  /** Phases and sections in document order. */
  parts: ViewPart[];
  phases: ViewPart[];
  sections: ViewPart[];
  stats: { phases: number; weeks: number; items: number; checked: number };
  labels: typeof labels;
  generator: string;
}

/** Build the view model templates render, from an enriched roadmap. Pure. */
export function toViewModel(roadmap: Roadmap, generator: string): ViewModel {
  const parts = [
    ...roadmap.phases.map((phase) => toPart(phase, 'phase')),
    ...roadmap.sections.map((section) => toPart(section, 'section')),
  ].sort((a, b) => a.line - b.line);
  const items = parts.flatMap((part) => part.topics.flatMap((topic) => flatten(topic.items)));
  const weeks = new Set(items.flatMap((item) => (item.week === null ? [] : [item.week])));
  const author = roadmap.meta['author'];
  return {
    title: roadmap.title,
    lang: roadmap.lang,
    description: roadmap.description,
    author: typeof author === 'string' ? author : null,
    meta: roadmap.meta,
    parts,
    phases: parts.filter((part) => part.isPhase),
    sections: parts.filter((part) => !part.isPhase),
    stats: {
      phases: roadmap.phases.length,
      weeks: weeks.size,
      items: items.length,
      checked: items.filter((item) => item.checked).length,
    },
    labels,
    generator,
  };
}

/** `Weeks 1–3`, `Week 4`, `Ongoing` or `null`. */
export function formatWeekRange(weeks: WeekRange | null, ongoing: boolean): string | null {
  if (weeks) return weeks.start === weeks.end ? `${labels.week} ${weeks.start}` : `${labels.weeks} ${weeks.start}–${weeks.end}`;
  return ongoing ? labels.ongoing : null;
}

function toPart(group: RoadmapPhase | RoadmapSection, kind: ViewPart['kind']): ViewPart {
  const phase = kind === 'phase' ? (group as RoadmapPhase) : null;
  const topics = group.topics.map((topic) => ({ ...topic, items: topic.items.map(toItem) }));
  return {
    kind,
    isPhase: phase !== null,
    id: group.id,
    title: group.title,
    weeks: phase?.weeks ?? null,
    ongoing: phase?.ongoing ?? false,
    weekLabel: phase ? formatWeekRange(phase.weeks, phase.ongoing) : null,
    dateLabel: null,
    line: group.line,
    itemCount: topics.reduce((sum, topic) => sum + flatten(topic.items).length, 0),
    topics,
  };
}

function toItem(item: RoadmapItem): ViewItem {
  return {
    ...item,
    weekLabel: item.week === null ? null : `${labels.week} ${item.week}`,
    due: null,
    dueLabel: null,
    children: item.children.map(toItem),
  };
}

function flatten<T extends { children: T[] }>(items: T[]): T[] {
  return items.flatMap((item) => [item, ...flatten(item.children)]);
}
