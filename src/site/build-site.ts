import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { GroupConfig } from '../config/group-schema.js';
import { InputError, InterruptedError } from '../errors.js';
import type { Diagnostic } from '../model/roadmap.js';
import type { SettingLayers } from '../pipeline/settings.js';
import type { Printer } from '../print/create-printer.js';
import type { OpenedBrowser } from '../print/open-browser.js';
import type { GroupProgress } from '../paper/apply-group-progress.js';
import { defaultPaper, type LinkList, type LinkMode, type PaperOptions } from '../paper/paper-options.js';
import { defaultLayout, parseMargin, type PageLayout, type Paper } from '../print/page-layout.js';
import { loadHelpers } from '../render/load-helpers.js';
import { loadRenderers, type TemplateChoice } from '../render/load-renderers.js';
import type { HelperFunction } from '../render/register-helpers.js';
import type { TemplateSession } from '../render/create-template-session.js';
import { toFsError } from '../describe-fs-error.js';
import { generator, version } from '../version.js';
import { cacheFile, emptyCache, entryOf, hashOf, readCache, writeCache, type BuildCache, type CacheEntry } from './build-cache.js';
import {
  outputFiles,
  planRoadmap,
  renderRoadmap,
  reuseRoadmap,
  toWriter,
  type BuiltRoadmap,
  type Format,
  type RenderedRoadmap,
  type RoadmapContext,
} from './build-roadmap.js';
import { collectInputs } from './collect-inputs.js';
import type { MadePdf, MakePdf } from './make-pdf.js';
import type { PreparedPdf } from './prepare-pdf.js';
import { lockOutputFolder } from './lock-output-folder.js';
import { mapLimit } from './map-limit.js';
import { countWorkers, renderInWorkers, type WorkerSetup } from './render-in-workers.js';
import { toIndexView } from './to-index-view.js';
import { writeAtomic } from './write-atomic.js';

export type { BuiltRoadmap, Format } from './build-roadmap.js';
export const formats: readonly Format[] = ['html', 'pdf', 'ics'];
/** What is written when no format is asked for. */
export const defaultFormats: readonly Format[] = ['html', 'pdf'];

export interface BuildOptions {
  /** Markdown files or folders; default `content`. */
  inputs?: string[];
  /** Output folder; default `output`. */
  out?: string;
  /** What to write for each roadmap; default HTML and PDF (`ics`: a calendar of the schedule). */
  formats?: Format[];
  /** Chrome/Chromium to print with; found automatically when omitted. */
  browser?: string;
  /** Pages printing at once; default: CPU cores, at most 4. */
  concurrency?: number;
  /**
   * Worker threads that model and render the roadmaps (printing stays on the
   * main thread); `0`: render on the main thread. Default: one per core, at
   * most 8, when there is more than one core and enough roadmaps to render
   * for workers to pay for their start-up (160 on 2 cores, 92 on 8). Helpers
   * given as functions always render on the main thread.
   */
  workers?: number;
  /** Folder that relative paths are resolved against; default `process.cwd()`. */
  cwd?: string;
  /** Per-roadmap settings around each file's front matter (config defaults, command-line overrides). */
  settings?: SettingLayers;
  /** Template per format (default: `handout` for HTML, `checklist` for PDF). */
  template?: TemplateChoice;
  /** A project's own templates folder, searched before the built-ins, file by file; default `templates` when it exists. */
  templates?: string;
  /** The project's own helpers: an ES module's path, or the functions themselves. */
  helpers?: string | Record<string, HelperFunction>;
  /** A study group: its name, members (a checkbox each per item) and meeting day. */
  group?: GroupConfig;
  /** PDF paper size; default `a4`. */
  paper?: Paper;
  /** PDF page margins, a CSS shorthand of 1-4 lengths; default `18mm 14mm`. */
  margin?: string;
  /** Print PDFs in landscape. */
  landscape?: boolean;
  /** Start each phase on a new page. */
  phaseBreak?: boolean;
  /** Print the date (`SOURCE_DATE_EPOCH`, else front matter `date`) in the PDF footer. */
  printDate?: boolean;
  /** How links print in the PDF: `footnotes` (default), `qr` (notes with a QR code each) or `none`. The handout keeps live links. */
  links?: LinkMode;
  /** Where the PDF lists its link notes: after each `phase` (default) or at the `end`. */
  linkList?: LinkList;
  /** `merge`: each member's progress (member name → item id → state), ticked in the study-group's columns. */
  groupProgress?: GroupProgress;
  /** Days after each week's end to review its items again (`[1, 7, 30]`): planner rows and calendar events. */
  review?: number[];
  /** Also write `NAME.booklet.pdf`: A5 pages, two per A4 (Letter with `paper: letter`) landscape sheet, in saddle-stitch order. */
  booklet?: boolean;
  /** Connect to a running Chrome's DevTools endpoint (`http://127.0.0.1:9222`) instead of launching one. */
  browserUrl?: string;
  /** Connect to a DevTools WebSocket (`ws://…`, e.g. browserless) instead of launching a browser. */
  browserWs?: string;
  /** Seconds one PDF may take to print; default 60. */
  timeout?: number;
  /** PDFs one browser prints before a fresh one replaces it; default 50. */
  recycleAfter?: number;
  /** Value of `SOURCE_DATE_EPOCH`; default `process.env.SOURCE_DATE_EPOCH`. */
  sourceDateEpoch?: string;
  /** Aborting closes the browser, removes temporary files and rejects with an `InterruptedError`. */
  signal?: AbortSignal;
  /** Rebuild everything, ignoring what the output folder's cache says is up to date (default `true`: use it). */
  cache?: boolean;
  /** A Chromium already starting (see `prelaunch`): used when something needs printing, closed otherwise. */
  prelaunched?: Promise<OpenedBrowser | null>;
  /** A printer the caller owns and closes (`serve` keeps one, and its Chromium, for the whole session); else the build makes one and closes it. */
  printer?: Printer;
  /** Templates and helpers the caller keeps loaded across builds (`serve`'s session); else each build loads its own. */
  templateSession?: TemplateSession;
  /** Called as each roadmap is finished (written, up to date, or failed). */
  onProgress?: (progress: { done: number; total: number; roadmap: BuiltRoadmap }) => void;
}

export interface BuildResult {
  roadmaps: BuiltRoadmap[];
  /** Path of the index page. */
  index: string;
  errors: number;
  warnings: number;
  /** Outputs of roadmaps whose Markdown is gone, removed by this build. */
  removed: string[];
}

/**
 * Build every roadmap into the output folder: `NAME.html` (the handout),
 * `NAME.pdf` (the checklist), optionally `NAME.ics`, and an `index.html`
 * linking them. Incremental: a cache in the output folder remembers what each
 * output was made from (Markdown, images, template, settings, tool version),
 * so unchanged outputs are not rendered or printed again, and the outputs of
 * deleted roadmaps are removed. One browser for the whole run, started only
 * when something needs printing; every file is written atomically. Content
 * problems are reported as diagnostics; only program errors (a missing input,
 * a broken template, no browser) throw.
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
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
  // Every template is loaded, checked and compiled before anything is read, rendered or written.
  const pages = wanted.filter((format): format is 'html' | 'pdf' => format !== 'ics');
  const renderers = await loaders.loadRenderers({ formats: pages, template: options.template, templatesDir: templates, helpers });

  const signal = options.signal;
  let printer: Printer | null = null;
  let unlock: (() => Promise<void>) | null = null;
  const interrupt = () => void (printer !== options.printer && printer?.close());
  signal?.addEventListener('abort', interrupt, { once: true });
  try {
    signal?.throwIfAborted();
    const layout = toLayout(options);
    const paper = toPaper(options);
    const epoch = 'sourceDateEpoch' in options ? options.sourceDateEpoch : process.env.SOURCE_DATE_EPOCH;
    const settings = options.settings ?? {};
    const group = options.group ?? null;
    const review = options.review && options.review.length > 0 ? options.review : null;
    const groupProgress = options.groupProgress ?? null;
    const extras = [review, groupProgress].filter((extra) => extra !== null);
    const shared = hashOf(version, settings, group, ...extras);
    const context: RoadmapContext = {
      cwd,
      out,
      formats: wanted,
      settings,
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
    // One build per output folder at a time, and what a killed one left is cleaned up.
    unlock = await lockOutputFolder(out);
    const cache = await readCache(out);
    const useCache = options.cache !== false;
    const planned = await mapLimit(inputs, 16, (input) => planRoadmap(input, context, useCache ? entryOf(cache, input.name) : null));
    // Chromium is found (or its absence reported) only when something needs printing,
    // and starts while the Markdown is parsed. An HTML-only build never loads the printing code.
    // Each checklist is printed (not written) as soon as it is rendered, while the others render.
    let makePdf: EarlyPdfMaker | null = null;
    if (planned.some((roadmap) => roadmap.stale.includes('pdf'))) {
      const [{ createPrinter }, { findBrowser }, { createPdfMaker }] = await Promise.all([
        import('../print/create-printer.js'),
        import('../print/find-browser.js'),
        import('./make-pdf.js'),
      ]);
      const connect = options.browserWs ?? options.browserUrl;
      printer =
        options.printer ??
        createPrinter({
          executablePath: connect ? undefined : findBrowser(options.browser),
          browserUrl: options.browserUrl,
          browserWs: options.browserWs,
          concurrency: options.concurrency,
          recycleAfter: options.recycleAfter,
          timeout: options.timeout === undefined ? undefined : options.timeout * 1000,
          prelaunched: connect ? undefined : options.prelaunched,
        });
      printer.warm().catch(() => undefined);
      makePdf = startEarly(createPdfMaker(printer, layout, paper));
    }
    // Render every roadmap before writing any: a template that fails on any of them writes nothing.
    const onRendered = (render: RenderedRoadmap) => {
      if (render.pdf) makePdf?.start(render.pdf);
    };
    const stale = planned.filter((roadmap) => roadmap.stale.length > 0);
    // Helpers given as functions cannot be sent to a worker thread; a helpers module can be imported by each.
    const workers = typeof options.helpers === 'object' ? 0 : countWorkers(options.workers, stale.length);
    const renders: RenderedRoadmap[] =
      workers > 0
        ? await renderInWorkers(stale, toWorkerSetup(options, { pages, templates, cwd }, context), { size: workers, signal, onRendered })
        : await mapLimit(stale, 4, async (roadmap) => {
            const render = await renderRoadmap(roadmap, context);
            onRendered(render);
            // Rendering never waits on I/O: give the printer's messages to and from Chromium a turn.
            await new Promise((resolve) => setImmediate(resolve));
            return render;
          });
    // Everything to print is queued: the browser closes as soon as the last document is printed (unless the caller owns it).
    const printing = options.printer ? null : printer;
    const closing = printing?.drained().then(() => printing.close());
    const rendered = new Map(stale.map((roadmap, index) => [roadmap, renders[index]!]));
    const prepared = planned.map((roadmap) => {
      const render = rendered.get(roadmap);
      return render ? { reused: null, write: toWriter(roadmap, render, context) } : { reused: reuseRoadmap(roadmap, context), write: null };
    });
    // Every roadmap settles (and removes its temporary files) before the build returns or throws.
    let done = 0;
    const settled = await Promise.allSettled(
      prepared.map(async (step): Promise<BuildStep> => {
        const result = step.reused
          ? { built: step.reused, entry: undefined }
          : await step.write!({ makePdf: makePdf?.make ?? null, signal });
        done += 1;
        options.onProgress?.({ done, total: prepared.length, roadmap: result.built });
        return result;
      }),
    );
    if (signal?.aborted) throw new InterruptedError(interruptedMessage);
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    const results = settled.map((outcome) => (outcome as PromiseFulfilledResult<BuildStep>).value);
    const roadmaps = results.map((result) => result.built);

    const next: BuildCache = emptyCache();
    Object.assign(next.entries, cache.entries);
    results.forEach((result, index) => {
      if (result.entry) next.entries[inputs[index]!.name] = result.entry;
    });
    const removed = await removeDeleted(next, out, cwd, new Set(inputs.map((input) => input.name)));

    // A roadmap that failed this time is listed with its last good outputs, which are still there.
    const listed = roadmaps.map((roadmap) => {
      const entry = roadmap.summary ? undefined : entryOf(next, roadmap.name);
      return entry ? { ...roadmap, summary: entry.summary, outputs: outputFiles(entry, context) } : roadmap;
    });
    const indexFile = path.join(out, 'index.html');
    await writeAtomic(indexFile, renderers.index(toIndexView(listed, generator)).html, { signal }).catch((error: unknown) => {
      throw toFsError('write', indexFile, error);
    });
    // Last: the cache describes only what is on disk.
    await writeCache(out, next).catch((error: unknown) => {
      throw toFsError('write', path.join(out, cacheFile), error);
    });
    await closing;
    return {
      roadmaps,
      index: path.relative(cwd, indexFile),
      errors: count(roadmaps, 'error'),
      warnings: count(roadmaps, 'warning'),
      removed,
    };
  } catch (error) {
    if (signal?.aborted && !(error instanceof InterruptedError)) {
      throw new InterruptedError(interruptedMessage, { cause: error });
    }
    throw error;
  } finally {
    signal?.removeEventListener('abort', interrupt);
    if (printer !== options.printer) await printer?.close();
    // A browser started early that nothing used.
    if (!printer || options.browserUrl || options.browserWs)
      await options.prelaunched?.then((early) => early?.browser.close()).catch(() => undefined);
    await unlock?.();
  }
}

/**
 * A PDF maker that can start a document before its roadmap is written: `start`
 * begins printing it now, and `make` gives that same print (or starts one).
 * A print started for a build that then fails is dropped: its error, if any,
 * is not left unhandled.
 */
interface EarlyPdfMaker {
  start: (pdf: PreparedPdf) => void;
  make: MakePdf;
}

/** `makePdf`, able to start each document early. */
function startEarly(makePdf: MakePdf): EarlyPdfMaker {
  const started = new Map<PreparedPdf, Promise<MadePdf>>();
  return {
    start(pdf) {
      const made = makePdf(pdf);
      made.catch(() => undefined);
      started.set(pdf, made);
    },
    make: (pdf) => started.get(pdf) ?? makePdf(pdf),
  };
}

/** One roadmap's outcome: a new cache entry, or `undefined` to keep the one it had. */
interface BuildStep {
  built: BuiltRoadmap;
  entry: CacheEntry | undefined;
}

const interruptedMessage = 'The build was interrupted: the browser is closed, finished files are kept and no partial file is left';

/** Remove the outputs (and cache entries) of roadmaps whose Markdown file no longer exists. */
async function removeDeleted(cache: BuildCache, out: string, cwd: string, current: Set<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const [name, entry] of Object.entries(cache.entries)) {
    if (current.has(name) || existsSync(entry.source)) continue;
    for (const output of Object.values(entry.outputs)) {
      const file = path.join(out, output.file);
      if (!file.startsWith(out + path.sep)) continue;
      await rm(file, { force: true });
      removed.push(path.relative(cwd, file));
    }
    delete cache.entries[name];
  }
  return removed;
}

/** What each worker thread needs to load the same renderers and render with the same settings: plain data. */
function toWorkerSetup(
  options: BuildOptions,
  { pages, templates, cwd }: { pages: ('html' | 'pdf')[]; templates: string | undefined; cwd: string },
  { settings, group, layout, paper, review, groupProgress, epoch }: RoadmapContext,
): WorkerSetup {
  return {
    templates: {
      formats: pages,
      template: options.template,
      templatesDir: templates,
      helpers: typeof options.helpers === 'string' ? path.resolve(cwd, options.helpers) : undefined,
    },
    context: { settings, group, layout, paper, review, groupProgress, epoch },
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

function count(roadmaps: BuiltRoadmap[], severity: Diagnostic['severity']): number {
  return roadmaps.reduce((sum, roadmap) => sum + roadmap.diagnostics.filter((d) => d.severity === severity).length, 0);
}
