import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GroupConfig } from '../config/group-schema.js';
import { InputError, InterruptedError } from '../errors.js';
import { toICalendar } from '../calendar/to-icalendar.js';
import type { Diagnostic } from '../model/roadmap.js';
import { toTemplateData } from '../model/to-template-data.js';
import { toViewModel, type ViewModel } from '../model/to-view-model.js';
import { slugify } from '../pipeline/create-item-id.js';
import { processRoadmap } from '../pipeline/process-roadmap.js';
import type { SettingLayers } from '../pipeline/settings.js';
import { createPrinter } from '../print/create-printer.js';
import { findBrowser } from '../print/find-browser.js';
import { defaultLayout, parseMargin, type PageLayout, type Paper } from '../print/page-layout.js';
import type { Render } from '../render/create-renderer.js';
import { loadHelpers } from '../render/load-helpers.js';
import { loadRenderers, type TemplateChoice } from '../render/load-renderers.js';
import type { HelperFunction } from '../render/register-helpers.js';
import { generator } from '../version.js';
import { collectInputs, type Input } from './collect-inputs.js';
import { createPdfMaker, preparePdf, type MakePdf, type PreparedPdf } from './make-pdf.js';
import { resolveBuildDate } from './resolve-build-date.js';
import { resolveImages } from './resolve-images.js';
import { toChecklistView } from './to-checklist-view.js';
import { toIndexView } from './to-index-view.js';
import { writeAtomic } from './write-atomic.js';

export type Format = 'html' | 'pdf' | 'ics';
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
}

/** What happened to one roadmap. */
export interface BuiltRoadmap {
  source: string;
  name: string;
  /** `null` when the roadmap could not be modelled (see its diagnostics). */
  view: ViewModel | null;
  diagnostics: Diagnostic[];
  /** Files written, relative to the working directory. */
  outputs: string[];
}

export interface BuildResult {
  roadmaps: BuiltRoadmap[];
  /** Path of the index page. */
  index: string;
  errors: number;
  warnings: number;
}

/**
 * Build every roadmap into the output folder: `NAME.html` (the handout),
 * `NAME.pdf` (the checklist) and an `index.html` linking them. One browser
 * for the whole run; every file is written atomically. Content problems are
 * reported as diagnostics; only program errors (a missing input, a broken
 * template, no browser) throw.
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const out = path.resolve(cwd, options.out ?? 'output');
  const wanted = options.formats ?? [...defaultFormats];
  const inputs = await collectInputs(options.inputs ?? ['content'], cwd);
  if (inputs.length === 0) throw new InputError(`No Markdown files found in ${(options.inputs ?? ['content']).join(', ')}`);

  const ownTemplates = path.join(cwd, 'templates');
  const templates =
    options.templates === undefined ? (existsSync(ownTemplates) ? ownTemplates : undefined) : path.resolve(cwd, options.templates);
  if (templates !== undefined && !existsSync(templates)) throw new InputError(`Templates folder not found: ${options.templates}`);
  const helpers = typeof options.helpers === 'string' ? await loadHelpers(path.resolve(cwd, options.helpers)) : options.helpers;
  // Every template is loaded, checked and compiled before anything is read, rendered or written.
  const pages = wanted.filter((format): format is 'html' | 'pdf' => format !== 'ics');
  const renderers = await loadRenderers({ formats: pages, template: options.template, templatesDir: templates, helpers });

  const connect = options.browserWs ?? options.browserUrl;
  const printer = wanted.includes('pdf')
    ? createPrinter({
        executablePath: connect ? undefined : findBrowser(options.browser),
        browserUrl: options.browserUrl,
        browserWs: options.browserWs,
        concurrency: options.concurrency,
        recycleAfter: options.recycleAfter,
        timeout: options.timeout === undefined ? undefined : options.timeout * 1000,
      })
    : null;
  const signal = options.signal;
  const interrupt = () => void printer?.close();
  signal?.addEventListener('abort', interrupt, { once: true });
  // Chromium starts while the Markdown is parsed; its errors surface at the first print.
  printer?.warm().catch(() => undefined);
  try {
    signal?.throwIfAborted();
    const { html: handout, pdf: checklist, index } = renderers;
    const layout = toLayout(options);
    const epoch = 'sourceDateEpoch' in options ? options.sourceDateEpoch : process.env['SOURCE_DATE_EPOCH'];
    // Render every roadmap first: a template that fails on any of them writes nothing.
    const prepared = await Promise.all(
      inputs.map((input) =>
        prepareRoadmap(input, {
          cwd,
          settings: options.settings ?? {},
          out,
          group: options.group ?? null,
          handout,
          checklist: printer ? checklist : null,
          layout,
          epoch,
          calendar: wanted.includes('ics'),
        }),
      ),
    );
    const makePdf = printer ? createPdfMaker(printer, layout) : null;
    // Every roadmap settles (and removes its temporary files) before the build returns or throws.
    const settled = await Promise.allSettled(prepared.map((write) => write({ makePdf, signal })));
    if (signal?.aborted) throw new InterruptedError(interruptedMessage);
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    const roadmaps = settled.map((outcome) => (outcome as PromiseFulfilledResult<BuiltRoadmap>).value);
    const indexFile = path.join(out, 'index.html');
    await writeAtomic(indexFile, index(toIndexView(roadmaps, generator)).html, { signal });
    return {
      roadmaps,
      index: path.relative(cwd, indexFile),
      errors: count(roadmaps, 'error'),
      warnings: count(roadmaps, 'warning'),
    };
  } catch (error) {
    if (signal?.aborted && !(error instanceof InterruptedError)) {
      throw new InterruptedError(interruptedMessage, { cause: error });
    }
    throw error;
  } finally {
    signal?.removeEventListener('abort', interrupt);
    await printer?.close();
  }
}

const interruptedMessage = 'The build was interrupted: the browser is closed, finished files are kept and no partial file is left';

function toLayout(options: BuildOptions): PageLayout {
  return {
    paper: options.paper ?? defaultLayout.paper,
    margin: options.margin ? parseMargin(options.margin) : defaultLayout.margin,
    landscape: options.landscape ?? defaultLayout.landscape,
    phaseBreak: options.phaseBreak ?? defaultLayout.phaseBreak,
    printDate: options.printDate ?? defaultLayout.printDate,
  };
}

interface RoadmapTargets {
  cwd: string;
  settings: SettingLayers;
  out: string;
  group: GroupConfig | null;
  handout: Render | null;
  checklist: Render | null;
  layout: PageLayout;
  epoch: string | undefined;
  calendar: boolean;
}

interface WriteContext {
  makePdf: MakePdf | null;
  signal: AbortSignal | undefined;
}

/** Read, model and render one roadmap; the returned function prints and writes it. */
async function prepareRoadmap(input: Input, targets: RoadmapTargets): Promise<(context: WriteContext) => Promise<BuiltRoadmap>> {
  const file = path.resolve(targets.cwd, input.source);
  const source = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`Cannot read ${input.source}: ${error.code ?? error.message}`, { cause: error });
  });
  const { roadmap, diagnostics } = await processRoadmap(source, input.source, targets.settings);
  const built: BuiltRoadmap = { ...input, view: null, diagnostics, outputs: [] };
  if (!roadmap) return async () => built;
  const view = toViewModel(roadmap, generator, { labels: targets.settings.defaults?.labels });
  built.view = view;
  const base = path.join(targets.out, input.name);
  const baseDir = path.dirname(file);
  const date = resolveBuildDate(targets.epoch, roadmap.meta);
  // Every template, HTML or PDF, sees the same data: the view model, its dates and group, and the print settings.
  const extra = (images: ViewModel) => ({
    ...toTemplateData(images, { group: targets.group }),
    print: toChecklistView(images, targets.layout, date).print,
  });
  const calendar = targets.calendar
    ? toICalendar(roadmap, { uidPrefix: slugify(input.name) || 'roadmap', labels: view.labels, generator })
    : null;
  if (targets.calendar && !calendar) built.diagnostics.push(noStartDate);

  let html: string | null = null;
  if (targets.handout) {
    const images = await resolveImages(view, { baseDir, remote: 'alt' });
    // The PDF reports the same image problems; say them once.
    if (!targets.checklist) built.diagnostics.push(...images.diagnostics);
    html = targets.handout(extra(images.view), { format: 'html' }).html;
  }
  const pdf: PreparedPdf | null = targets.checklist
    ? await preparePdf(view, extra, targets.checklist, targets.layout, { baseDir, date })
    : null;

  return async ({ makePdf, signal }) => {
    const write = async (target: string, data: string | Uint8Array) => {
      await writeAtomic(target, data, { signal });
      return path.relative(targets.cwd, target);
    };
    const writes: Promise<string | null>[] = [];
    if (html !== null) writes.push(write(`${base}.html`, html));
    if (calendar) writes.push(write(`${base}.ics`, calendar));
    if (pdf && makePdf) {
      writes.push(
        makePdf(pdf).then((made) => {
          built.diagnostics.push(...made.diagnostics);
          return made.pdf ? write(`${base}.pdf`, made.pdf) : null;
        }),
      );
    }
    const settled = await Promise.allSettled(writes);
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    built.diagnostics.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    built.outputs = settled.flatMap((outcome) => (outcome.status === 'fulfilled' && outcome.value ? [outcome.value] : []));
    return built;
  };
}

/** Why `--format ics` wrote no calendar for a roadmap. */
const noStartDate: Diagnostic = {
  severity: 'warning',
  message: 'No calendar written: no start date, expected front matter `start`, config `start` or `--start`',
  line: 1,
  column: 1,
  rule: 'no-start-date',
};

function count(roadmaps: BuiltRoadmap[], severity: Diagnostic['severity']): number {
  return roadmaps.reduce((sum, roadmap) => sum + roadmap.diagnostics.filter((d) => d.severity === severity).length, 0);
}
