/**
 * The roadmap model: what `inspect --json` prints and what templates receive
 * (through the view model). Plain JSON data, no classes.
 */

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
  /** `true` for a GFM task item written `- [x]`. */
  checked: boolean;
  /** 1-based source line of the list item. */
  line: number;
  /** Nested list items. */
  children: RoadmapItem[];
}

/** A group of items: a `**Bold**` paragraph or an H3; `title: null` for items with no heading. */
export interface RoadmapTopic {
  id: string;
  title: string | null;
  /** Text after the bold title, e.g. `(This is crucial…)` → `This is crucial…`. */
  note: string | null;
  line: number;
  items: RoadmapItem[];
}

/** An H2 that names a phase (or carries a week range). */
export interface RoadmapPhase {
  id: string;
  /** The heading text without its parenthesised date, e.g. `Phase 1: Fundamentals`. */
  title: string;
  /** The full heading text, e.g. `Phase 1: Fundamentals (Weeks 1-3)`. */
  heading: string;
  weeks: WeekRange | null;
  ongoing: boolean;
  line: number;
  topics: RoadmapTopic[];
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
}
