import { z } from 'zod';
import { languageTagPattern } from '../model/language-tag.js';
import { groupSchema } from '../model/group-schema.js';
import { templateName } from '../model/template-name.js';
import { isMargin, papers } from '../model/page-layout.js';
import { linkLists, linkModes } from '../model/paper-options.js';
import { labelOverrides } from '../model/labels-schema.js';
import { isoDate, weeksPerMonth, weeksPerPhase } from '../model/schedule-schema.js';

/** A unified plugin the project adds: a module name or path (from the config's folder), or `[module, options]`. */
const pluginList = z.array(z.union([z.string().min(1), z.tuple([z.string().min(1), z.unknown()])]));

/** A BCP 47 language tag such as `en` or `pt-BR`. */
export const languageTag = z.string().regex(languageTagPattern, 'expected a language tag such as `en` or `pt-BR`');

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
  formats: z
    .array(z.enum(['html', 'pdf', 'ics']))
    .min(1)
    .optional(),
  /** Default language of roadmaps without front matter `lang` (default `en`). */
  lang: languageTag.optional(),
  /** Chrome/Chromium executable to print with. */
  browser: z.string().min(1).optional(),
  /** Pages printing at once (default: CPU cores, at most 4). */
  concurrency: z.number().int().min(1).max(32).optional(),
  /** Template for every format (`"study-group"`), or per format (`{"html": "handout", "pdf": "planner"}`). */
  template: z.union([templateName, z.strictObject({ html: templateName.optional(), pdf: templateName.optional() })]).optional(),
  /** The project's own templates folder, searched before the built-ins (default `templates`, when it exists). */
  templates: z.string().min(1).optional(),
  /** An ES module exporting the project's own Handlebars helpers. */
  helpers: z.string().min(1).optional(),
  /** A study group: `{"name": …, "members": […], "meets": {"weekday": "tuesday", "time": "19:00"}}`. */
  group: groupSchema.optional(),
  /** PDF paper size (default `a4`). */
  paper: z.enum(papers).optional(),
  /** PDF page margins: a CSS shorthand of 1-4 lengths such as `12mm` or `18mm 14mm` (default `18mm 14mm`). */
  margin: z.string().refine(isMargin, 'expected 1-4 lengths such as `12mm` or `18mm 14mm` (mm, cm, in, pt, px)').optional(),
  /** Print PDFs in landscape (default `false`). */
  landscape: z.boolean().optional(),
  /** Start each phase on a new page (default `false`). */
  phaseBreak: z.boolean().optional(),
  /** Print the date (`SOURCE_DATE_EPOCH`, else front matter `date`) in the PDF footer (default `false`). */
  printDate: z.boolean().optional(),
  /** How links print in the PDF: `footnotes` (default), `qr` or `none`; the handout keeps live links. */
  links: z.enum(linkModes).optional(),
  /** Where the PDF lists link notes: after each `phase` (default) or at the `end`. */
  linkList: z.enum(linkLists).optional(),
  /** Days after each week's end to review its items again, such as `[1, 7, 30]`: planner rows and calendar events (default: none). */
  review: z.array(z.number().int().min(1).max(365)).min(1).max(12).optional(),
  /** Also write `NAME.booklet.pdf`, to print duplex and fold (default `false`). */
  booklet: z.boolean().optional(),
  /** Connect to a running Chrome's DevTools HTTP endpoint instead of launching one. */
  browserUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Connect to a DevTools WebSocket (`ws://…`) instead of launching a browser. */
  browserWs: z.url({ protocol: /^wss?$/ }).optional(),
  /** Seconds one PDF may take to print (default 60). */
  timeout: z.number().positive().max(3600).optional(),
  /** PDFs one browser prints before a fresh one replaces it (default 50). */
  recycleAfter: z.number().int().min(1).optional(),
  /** Date (`YYYY-MM-DD`) week 1 starts on, for roadmaps without front matter `start`. */
  start: isoDate.optional(),
  /** Weeks given to each undated phase, laid out after the last dated one (default: undated phases stay undated). */
  weeksPerPhase: weeksPerPhase.optional(),
  /** Weeks a `Month N` counts for (default 4). */
  weeksPerMonth: weeksPerMonth.optional(),
  /** remark plugins run on each roadmap's Markdown tree, after its front matter and HTML are read, before the roadmap is read from it (docs/plugins.md). */
  remarkPlugins: pluginList.optional(),
  /** rehype plugins run on each roadmap's HTML tree, before it is sanitized and the items' HTML is cut from it (docs/plugins.md). */
  rehypePlugins: pluginList.optional(),
  /** Words templates print, over the language's table: `{"due": "Deadline"}` or `{"es": {"due": "Entrega"}}`. */
  labels: labelOverrides.optional(),
});

export type RoadmapConfig = z.infer<typeof configSchema>;

/** The config's top-level keys, for suggestions. */
export const configKeys = Object.keys(configSchema.shape);
