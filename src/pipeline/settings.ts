/** Per-roadmap settings that can come from the config, the front matter or the command line. */
export interface RoadmapSettings {
  /** BCP 47 language tag. */
  lang?: string;
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
