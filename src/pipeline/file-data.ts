import type { Roadmap } from '../model/roadmap.js';
import type { SettingLayers } from './settings.js';

/** What the pipeline keeps on `file.data`, shared between plugins. */
declare module 'vfile' {
  interface DataMap {
    /** Front matter, parsed from YAML and validated. */
    matter: FrontMatter;
    /** Settings from the config and the command line, around the front matter. */
    settings: SettingLayers;
    /** The enriched roadmap model. */
    roadmap: Roadmap;
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
