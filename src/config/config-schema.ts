import { z } from 'zod';
import { labelOverrides } from './labels-schema.js';
import { isoDate, weeksPerMonth, weeksPerPhase } from './schedule-schema.js';

/** A BCP 47 language tag such as `en` or `pt-BR`. */
export const languageTag = z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'expected a language tag such as `en` or `pt-BR`');

/**
 * `roadmap.config.json` (or `.js`/`.mjs`): every key is optional; unknown keys
 * are errors. Precedence: defaults < config < front matter < CLI flags.
 */
export const configSchema = z.strictObject({
  /** Markdown files or folders to build (default `content`). */
  content: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  /** Output folder (default `output`). */
  out: z.string().min(1).optional(),
  /** What to write for each roadmap (default `["html", "pdf"]`). */
  formats: z.array(z.enum(['html', 'pdf', 'ics'])).min(1).optional(),
  /** Default language of roadmaps without front matter `lang` (default `en`). */
  lang: languageTag.optional(),
  /** Chrome/Chromium executable to print with. */
  browser: z.string().min(1).optional(),
  /** Pages printing at once (default: CPU cores, at most 4). */
  concurrency: z.number().int().min(1).max(32).optional(),
  /** Date (`YYYY-MM-DD`) week 1 starts on, for roadmaps without front matter `start`. */
  start: isoDate.optional(),
  /** Weeks given to each undated phase, laid out after the last dated one (default: undated phases stay undated). */
  weeksPerPhase: weeksPerPhase.optional(),
  /** Weeks a `Month N` counts for (default 4). */
  weeksPerMonth: weeksPerMonth.optional(),
  /** Words templates print, over the language's table: `{"due": "Deadline"}` or `{"es": {"due": "Entrega"}}`. */
  labels: labelOverrides.optional(),
});

export type RoadmapConfig = z.infer<typeof configSchema>;

/** The config's top-level keys, for suggestions. */
export const configKeys = Object.keys(configSchema.shape);
