import type { LabelOverrides } from './labels.js';

/** Per-roadmap settings that can come from the config, the front matter or the command line. */
export interface RoadmapSettings {
  /** BCP 47 language tag. */
  lang?: string;
  /** ISO date (`2027-01-04`) on which week 1 starts; without it nothing is dated. */
  start?: string;
  /** Weeks given to each phase without a week notation, laid out after the last dated one; unset: they stay undated. */
  weeksPerPhase?: number;
  /** Weeks a `Month N` counts for (default 4). */
  weeksPerMonth?: number;
  /** Words printed by templates, over the language's label table (only from the config). */
  labels?: LabelOverrides;
}

/**
 * Settings around the front matter, by precedence: `defaults` (built-in and
 * config) < front matter < `overrides` (command-line flags).
 */
export interface SettingLayers {
  defaults?: RoadmapSettings;
  overrides?: RoadmapSettings;
}

/** The value of one setting: an override, else the front matter's, else a default. */
export function resolveSetting<K extends keyof RoadmapSettings>(
  key: K,
  layers: SettingLayers,
  matter: RoadmapSettings,
): RoadmapSettings[K] {
  return layers.overrides?.[key] ?? matter[key] ?? layers.defaults?.[key];
}
