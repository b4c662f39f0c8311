/**
 * The roadmap model: what `inspect --json` prints and what templates receive
 * (through the view model). Plain JSON data, no classes.
 */

/** Where an item stands: not started, in progress (`[~]`, `[-]`), done (`[x]`). */
export type ItemState = 'todo' | 'doing' | 'done';

/** A week range such as `Weeks 1-3`, inclusive on both ends. */
export interface WeekRange {
  start: number;
  end: number;
}

/** One checklist item: a list item of the Markdown. */
export interface RoadmapItem {
  /** Stable, unique, readable id derived from the phase and the item text. */
  id: string;
  /** The item's text as plain text, exactly as written (inline Markdown stripped). */
  text: string;
  /** The item's inline content as sanitized HTML (code spans, links, emphasis). */
  html: string;
  /** The week this item is planned for, or `null` in an undated or ongoing phase. */
  week: number | null;
  /** The weeks an item names itself when they are more than one (`- Weeks 7–8: Review`); `week` is the first. */
  weeks?: WeekRange;
  /** `true` for a GFM task item written `- [x]`. */
  checked: boolean;
  /**
   * `done` for `- [x]`, `doing` for `- [~]` or `- [-]` (in progress), else `todo`.
   * Always set once modelled (the checklist-items stage writes it).
   */
  state?: ItemState;
  /** 1-based source line of the list item. */
  line: number;
  /** Nested list items. */
  children: RoadmapItem[];
  /** Its due date (ISO `YYYY-MM-DD`, the last day of its week); only when the roadmap is scheduled. */
  due?: string;
  /** For a table row: the cells after the first, as plain text (the first cell is `text`). */
  cells?: string[];
}

/** A group of items: a `**Bold**` paragraph or an H3; `title: null` for items with no heading. */
export interface RoadmapTopic {
  id: string;
  title: string | null;
  /** Text after the bold title, e.g. `(This is crucial…)` → `This is crucial…`. */
  note: string | null;
  line: number;
  items: RoadmapItem[];
  /** The topic's own weeks (`### Week 5: Traits`), overriding its phase's for its items; only when written. */
  weeks?: WeekRange;
  /** `true` when the topic says it is ongoing (`### Reading (Ongoing)`): its items get no week; only when written. */
  ongoing?: boolean;
  /** For a table: its header cells; its body rows are the items. */
  columns?: string[];
}

/** An H2 that names a phase (or carries a week range). */
export interface RoadmapPhase {
  id: string;
  /** The heading text without its parenthesised date, e.g. `Phase 1: Fundamentals`. */
  title: string;
  /** The full heading text, e.g. `Phase 1: Fundamentals (Weeks 1-3)`. */
  heading: string;
  weeks: WeekRange | null;
  /** For a phase written in days (`Days 31-60`): its days as written (its `weeks` are ⌈d/7⌉); only then. */
  days?: WeekRange;
  ongoing: boolean;
  line: number;
  topics: RoadmapTopic[];
  /** `true` when the heading gave no weeks and `weeksPerPhase` laid the phase out after the dated ones. */
  weeksAssumed?: boolean;
}

/** One scheduled week: week 1 starts on the roadmap's start date. */
export interface ScheduledWeek {
  week: number;
  /** ISO dates (`YYYY-MM-DD`), both inclusive: a week is seven days. */
  start: string;
  end: string;
}

/** An H2 that is not a phase (e.g. "Practical Learning Tips"), or the part before the first H2 (`title: null`). */
export interface RoadmapSection {
  id: string;
  title: string | null;
  line: number;
  topics: RoadmapTopic[];
}

export type Severity = 'error' | 'warning' | 'info';

/** A positioned content problem. */
export interface Diagnostic {
  severity: Severity;
  message: string;
  line: number | null;
  column: number | null;
  rule: string | null;
}

/** The enriched roadmap. */
export interface Roadmap {
  title: string;
  /** BCP 47 language tag (front matter `lang`, default `en`). */
  lang: string;
  /** Plain-text introduction: front matter `description`, or the paragraphs between the title and the first H2. */
  description: string | null;
  /** Front matter as written (YAML, validated). */
  meta: Record<string, unknown>;
  phases: RoadmapPhase[];
  sections: RoadmapSection[];
  diagnostics: Diagnostic[];
  /** The start date (ISO), from front matter `start`, the config or `--start`; only when scheduled. */
  start?: string;
  /** Every week a phase or item is planned for, with its dates; only when scheduled. */
  schedule?: ScheduledWeek[];
}
