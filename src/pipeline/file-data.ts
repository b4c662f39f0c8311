import type { ListItem, TableRow } from 'mdast';
import type { Roadmap, RoadmapItem, RoadmapPhase, RoadmapTopic } from '../model/roadmap.js';
import type { SettingLayers } from '../model/settings.js';

/** What the pipeline keeps on `file.data`, shared between plugins. */
declare module 'vfile' {
  interface DataMap {
    /** Front matter, parsed from YAML and validated. */
    matter: FrontMatter;
    /** Settings from the config and the command line, around the front matter. */
    settings: SettingLayers;
    /** The enriched roadmap model. */
    roadmap: Roadmap;
    /** How the structure read time, for the weeks plugin (never printed). */
    timing: Timing;
    /** The list items and table rows the structure made items from (`data.roadmapItem`), in the order it read them: the checklist plugin needs no walk to find them. */
    itemNodes: (ListItem | TableRow)[];
  }
}

/** Front matter keys roadmap-press reads; other keys are kept for templates. */
export interface FrontMatter {
  title?: string;
  lang?: string;
  author?: string;
  description?: string;
  start?: string;
  weeksPerPhase?: number;
  weeksPerMonth?: number;
  [key: string]: unknown;
}

/** What the structure learnt about time, passed to the weeks plugin. */
export interface Timing {
  /** The text a phase's or topic's time is read from: its heading, plus a notation-only heading or line right under it. */
  text: Map<RoadmapPhase | RoadmapTopic, string>;
  /** A topic's enclosing topic (`### Week 2` over `#### Day 3`, `### Week 1` over `**Exercises**`). */
  parent: Map<RoadmapTopic, RoadmapTopic>;
  /** A table row's own time, from its week or day column (`W3`, `Day 5`). */
  pinned: Map<RoadmapItem, string>;
}
