import type { z } from 'zod';
import type { configSchema } from './config-schema.js';

/** What a `roadmap.config.mjs` may export: every key optional, as in `roadmap.config.json`. */
export type RoadmapConfigInput = z.input<typeof configSchema>;

/**
 * Type a `roadmap.config.mjs` (or `.ts`) in the editor: returns the config as
 * given, checked against the same schema when it is loaded.
 *
 * ```js
 * import { defineConfig } from 'roadmap-press';
 * export default defineConfig({ remarkPlugins: ['remark-emoji'] });
 * ```
 */
export function defineConfig(config: RoadmapConfigInput): RoadmapConfigInput {
  return config;
}
