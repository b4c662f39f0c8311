import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultPaper, type PaperOptions } from '../model/paper-options.js';
import { defaultLayout, parseMargin, type PageLayout } from '../model/page-layout.js';
import type { Printer } from '../print/create-printer.js';
import { loadHelpers } from '../render/load-helpers.js';
import { loadProcessor } from '../pipeline/load-processor.js';
import type { ResolvedPlugins } from '../pipeline/load-user-plugins.js';
import { loadRenderers, type RendererSet } from '../render/load-renderers.js';
import { InputError } from '../shared/errors.js';
import { hashOf } from '../shared/hash-of.js';
import { version } from '../shared/version.js';
import { emptyCache, type BuildCache, type CacheEntry } from './build-cache.js';
import { defaultFormats, type BuildOptions } from './build-options.js';
import type { BuiltRoadmap, PlannedRoadmap, RenderedRoadmap, RoadmapContext } from './build-roadmap.js';
import { collectInputs, type Input } from './collect-inputs.js';
import type { EarlyPdfMaker } from './early-pdf-maker.js';

/** How much of the build runs at once. */
export interface BuildLimits {
  /** Roadmaps read and planned at once. */
  plans: number;
  /** Roadmaps rendered at once on the main thread (without worker threads). */
  mainThreadRenders: number;
}

export const buildLimits: BuildLimits = { plans: 16, mainThreadRenders: 4 };

/** One roadmap's outcome: a new cache entry, or `undefined` to keep the one it had. */
export interface RoadmapOutcome {
  built: BuiltRoadmap;
  entry: CacheEntry | undefined;
}

/**
 * What the steps of a build (see build-site.ts) hand on to each other. The
 * first part is settled before any step runs; each step fills in its part.
 */
export interface BuildState {
  readonly options: BuildOptions;
  readonly cwd: string;
  /** The output folder, absolute. */
  readonly out: string;
  readonly signal: AbortSignal | undefined;
  readonly inputs: Input[];
  /** The formats made with a template (not `ics`). */
  readonly pages: ('html' | 'pdf')[];
  /** The project's own templates folder, if any. */
  readonly templates: string | undefined;
  readonly renderers: RendererSet;
  /** The project's remark and rehype plugins, resolved (config `remarkPlugins`, `rehypePlugins`), if any. */
  readonly plugins: ResolvedPlugins | null;
  readonly context: RoadmapContext;
  readonly limits: BuildLimits;
  /** plan: the release of the output folder's lock. */
  unlock: (() => Promise<void>) | null;
  /** plan: the cache as this build found it. */
  cache: BuildCache;
  /** plan: every roadmap read, with what of it is stale. */
  planned: PlannedRoadmap[];
  /** print: the printer, when something needs printing (the caller's, or one this build owns). */
  printer: Printer | null;
  /** print: whether a printer took the early browser (see early-browser.ts). */
  earlyBrowserTaken?: boolean;
  /** print: prints each checklist as soon as it is rendered. */
  pdfs: EarlyPdfMaker | null;
  /** render: the stale roadmaps, rendered. */
  renders: Map<PlannedRoadmap, RenderedRoadmap>;
  /** render: the build's own printer closing once everything queued is printed. */
  closing: Promise<void> | undefined;
  /** write: each roadmap's outcome, in input order. */
  outcomes: RoadmapOutcome[];
  /** write, prune: the cache to save. */
  next: BuildCache;
  /** prune: outputs of deleted roadmaps, removed. */
  removed: string[];
  /** index: the index page. */
  indexFile: string;
}

/**
 * Settle what every step needs: the inputs, the options with their defaults, and every template
 * loaded, checked and compiled, before anything is read, rendered or written.
 */
export async function startBuild(options: BuildOptions): Promise<BuildState> {
  const cwd = options.cwd ?? process.cwd();
  const out = path.resolve(cwd, options.out ?? 'output');
  const wanted = [...new Set(options.formats ?? defaultFormats)];
  if (options.workers !== undefined && !(Number.isInteger(options.workers) && options.workers >= 0)) {
    throw new TypeError(`Option workers must be a whole number, 0 or more (0: no worker threads), got ${options.workers}`);
  }
  const inputs = await collectInputs(options.inputs ?? ['content'], cwd);
  if (inputs.length === 0) throw new InputError(`No Markdown files found in ${(options.inputs ?? ['content']).join(', ')}`);

  const ownTemplates = path.join(cwd, 'templates');
  const templates =
    options.templates === undefined ? (existsSync(ownTemplates) ? ownTemplates : undefined) : path.resolve(cwd, options.templates);
  if (templates !== undefined && !existsSync(templates)) throw new InputError(`Templates folder not found: ${options.templates}`);
  const loaders = options.templateSession ?? { loadHelpers, loadRenderers };
  const helpers = typeof options.helpers === 'string' ? await loaders.loadHelpers(path.resolve(cwd, options.helpers)) : options.helpers;
  const pages = wanted.filter((format): format is 'html' | 'pdf' => format !== 'ics');
  const renderers = await loaders.loadRenderers({ formats: pages, template: options.template, templatesDir: templates, helpers });
  // The project's plugins load (or fail, one line) before anything is read, like the templates.
  const { processor, plugins } = await loadProcessor(options.plugins);
  return {
    options,
    cwd,
    out,
    signal: options.signal,
    inputs,
    pages,
    templates,
    renderers,
    plugins,
    context: toContext(options, { cwd, out, formats: wanted, renderers, plugins, processor }),
    limits: buildLimits,
    unlock: null,
    cache: emptyCache(),
    planned: [],
    printer: null,
    pdfs: null,
    renders: new Map(),
    closing: undefined,
    outcomes: [],
    next: emptyCache(),
    removed: [],
    indexFile: path.join(out, 'index.html'),
  };
}

/** Everything a roadmap's outputs are made with besides its source, with the fingerprints the cache keys on. */
function toContext(
  options: BuildOptions,
  {
    cwd,
    out,
    formats,
    renderers,
    plugins,
    processor,
  }: Pick<RoadmapContext, 'cwd' | 'out' | 'formats' | 'processor'> & { renderers: RendererSet; plugins: ResolvedPlugins | null },
): RoadmapContext {
  const layout = toLayout(options);
  const paper = toPaper(options);
  const epoch = 'sourceDateEpoch' in options ? options.sourceDateEpoch : process.env.SOURCE_DATE_EPOCH;
  const settings = options.settings ?? {};
  const group = options.group ?? null;
  const review = options.review && options.review.length > 0 ? options.review : null;
  const groupProgress = options.groupProgress ?? null;
  const extras = [review, groupProgress].filter((extra) => extra !== null);
  const shared = hashOf(version, settings, group, ...extras, ...(plugins ? [plugins.fingerprint] : []));
  return {
    cwd,
    out,
    formats,
    settings,
    ...(processor ? { processor } : {}),
    group,
    handout: renderers.html,
    checklist: renderers.pdf,
    layout,
    paper,
    review,
    groupProgress,
    epoch,
    fingerprints: {
      html: hashOf(shared, renderers.fingerprints.html, layout, epoch),
      pdf: hashOf(shared, renderers.fingerprints.pdf, layout, epoch, paper),
      ics: hashOf(shared, 'ics'),
    },
  };
}

function toLayout(options: BuildOptions): PageLayout {
  return {
    paper: options.paper ?? defaultLayout.paper,
    margin: options.margin ? parseMargin(options.margin) : defaultLayout.margin,
    landscape: options.landscape ?? defaultLayout.landscape,
    phaseBreak: options.phaseBreak ?? defaultLayout.phaseBreak,
    printDate: options.printDate ?? defaultLayout.printDate,
  };
}

function toPaper(options: BuildOptions): PaperOptions {
  return {
    links: options.links ?? defaultPaper.links,
    linkList: options.linkList ?? defaultPaper.linkList,
    booklet: options.booklet ?? defaultPaper.booklet,
  };
}
