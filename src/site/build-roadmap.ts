import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { toICalendar } from '../calendar/to-icalendar.js';
import type { GroupConfig } from '../model/group-schema.js';
import { InterruptedError, TemplateError } from '../shared/errors.js';
import type { Diagnostic } from '../model/roadmap.js';
import type { GroupProgress } from '../view/apply-group-progress.js';
import { toIndexSummary } from '../view/to-index-view.js';
import { toHandoutData, type PageSettings } from '../view/to-page-data.js';
import { toViewModel, type ViewModel } from '../view/to-view-model.js';
import { slugify } from '../shared/create-item-id.js';
import { findImageItems } from '../pipeline/find-item-elements.js';
import { processRoadmap, type RoadmapProcessor } from '../pipeline/process-roadmap.js';
import type { SettingLayers } from '../model/settings.js';
import type { PaperOptions } from '../model/paper-options.js';
import type { PageLayout } from '../model/page-layout.js';
import type { Render } from '../render/create-renderer.js';
import { toFsError } from '../shared/describe-fs-error.js';
import { generator } from '../shared/version.js';
import { dependenciesUnchanged, snapshotDependencies, type CacheEntry, type RoadmapSummary } from './build-cache.js';
import { hashOf } from '../shared/hash-of.js';
import type { Input } from './collect-inputs.js';
import { atStart, readFailure, unexpectedFailure } from './to-failure-diagnostic.js';
import type { MakePdf } from './make-pdf.js';
import { preparePdf, type PreparedPdf } from './prepare-pdf.js';
import { resolveBuildDate } from './resolve-build-date.js';
import { replaceRemoteImages } from './replace-remote-images.js';
import { resolveImages } from './resolve-images.js';
import { writeAtomic } from '../shared/write-atomic.js';

/** A format a roadmap is written in. */
export type Format = 'html' | 'pdf' | 'ics';

/** What happened to one roadmap. */
export interface BuiltRoadmap {
  source: string;
  name: string;
  /** The view model, when the roadmap was modelled in this build; `null` when it failed or was up to date. */
  view: ViewModel | null;
  /** What the index shows of it; `null` when it could not be modelled (see its diagnostics). */
  summary: RoadmapSummary | null;
  diagnostics: Diagnostic[];
  /** Files written or already up to date, relative to the working directory. */
  outputs: string[];
  /** Formats that were up to date and not rebuilt. */
  upToDate: Format[];
}

/** Everything a roadmap's outputs are made with, besides its own source. */
export interface RoadmapContext {
  cwd: string;
  out: string;
  formats: Format[];
  settings: SettingLayers;
  /** The pipeline with the project's plugins; the built-in one when absent. */
  processor?: RoadmapProcessor;
  group: GroupConfig | null;
  handout: Render | null;
  checklist: Render | null;
  layout: PageLayout;
  /** Links on paper, booklet. */
  paper: PaperOptions;
  /** Config `review`: days after each week's end to review its items (planner rows, calendar events); `null`: none. */
  review: number[] | null;
  /** `merge`: each member's progress, ticked in the study-group's member columns; `null` for a plain build. */
  groupProgress: GroupProgress | null;
  epoch: string | undefined;
  /** Per format: a hash of the template, settings and tool version it is made with. */
  fingerprints: Record<Format, string>;
}

/** A roadmap read from disk, with what needs (re)building. */
export interface PlannedRoadmap {
  input: Input;
  file: string;
  source: Buffer;
  /** Why the roadmap could not be read (then `source` is empty): its one diagnostic. */
  failure: Diagnostic | null;
  keys: Record<Format, string>;
  /** Formats to build; the others are up to date. */
  stale: Format[];
  entry: CacheEntry | null;
}

/** Read a roadmap and decide which of its outputs are stale: missing, made from other inputs, or `entry` absent. */
export async function planRoadmap(input: Input, context: RoadmapContext, entry: CacheEntry | null): Promise<PlannedRoadmap> {
  const file = path.resolve(context.cwd, input.source);
  const read = input.refused ? null : await readSource(file);
  const failure = input.refused ? atStart('error', input.refused, 'read') : read instanceof Error ? readFailure(read) : null;
  const source = read instanceof Buffer ? read : Buffer.alloc(0);
  if (failure) return { input, file, source, failure, keys: {} as Record<Format, string>, stale: [...context.formats], entry };
  const sourceHash = hashOf(source);
  const keys = Object.fromEntries(context.formats.map((format) => [format, hashOf(sourceHash, context.fingerprints[format])])) as Record<
    Format,
    string
  >;
  const unchanged = entry !== null && (await dependenciesUnchanged(entry.dependencies));
  // An output is up to date only as the cache recorded it: there, and (when recorded) of the same size.
  const onDisk = await Promise.all(context.formats.map((format) => outputOnDisk(context.out, entry?.outputs[format])));
  const stale = context.formats.filter((format, index) => {
    const output = entry?.outputs[format];
    return !unchanged || output?.key !== keys[format] || !onDisk[index];
  });
  return { input, file, source, failure: null, keys, stale, entry };
}

/**
 * Whether a recorded output is on disk as it was written: a build that failed half-way may have replaced it
 * since. Its size tells (the time would too, but would make the cache differ between identical builds).
 */
async function outputOnDisk(out: string, output: CacheEntry['outputs'][string] | undefined): Promise<boolean> {
  if (!output) return false;
  const info = await stat(path.join(out, output.file)).catch(() => null);
  if (!info?.isFile()) return false;
  return output.size === undefined || info.size === output.size;
}

/** A roadmap that is fully up to date: nothing is read again, its diagnostics are those of its last build. */
export function reuseRoadmap(planned: PlannedRoadmap, context: RoadmapContext): BuiltRoadmap {
  const entry = planned.entry!;
  return {
    ...planned.input,
    view: null,
    summary: entry.summary,
    diagnostics: entry.diagnostics,
    outputs: outputFiles(entry, context, [
      ...context.formats,
      ...(context.formats.includes('pdf') && entry.outputs[bookletOutput] ? [bookletOutput] : []),
    ]),
    upToDate: [...context.formats],
  };
}

/** The cache's name for a roadmap's `NAME.booklet.pdf`, recorded next to its formats' outputs. */
const bookletOutput = 'booklet';

/** The files a cache entry records, relative to the working directory: those of `formats` (and the booklet), by default all. */
export function outputFiles(
  entry: CacheEntry,
  context: Pick<RoadmapContext, 'cwd' | 'out'>,
  formats: string[] = Object.keys(entry.outputs),
): string[] {
  return formats.map((format) => path.relative(context.cwd, path.join(context.out, entry.outputs[format]!.file)));
}

/** Writes a prepared roadmap, and gives its cache entry. */
export type WriteRoadmap = (context: { makePdf: MakePdf | null; signal: AbortSignal | undefined }) => Promise<{
  built: BuiltRoadmap;
  /** The roadmap's new cache entry; `undefined`: keep the one it had, if any. */
  entry: CacheEntry | undefined;
}>;

/** What modelling and rendering a roadmap needs of it. */
export type RenderJob = Pick<PlannedRoadmap, 'input' | 'file' | 'source' | 'stale' | 'failure'>;

/** What modelling and rendering a roadmap needs of the build: settings and renderers, no output folder. */
export type RenderContext = Pick<
  RoadmapContext,
  'settings' | 'processor' | 'group' | 'handout' | 'checklist' | 'layout' | 'paper' | 'review' | 'groupProgress' | 'epoch'
>;

/** A roadmap modelled and rendered, not yet written: plain data, so that a worker thread can make it. */
export interface RenderedRoadmap {
  built: BuiltRoadmap;
  html: string | null;
  calendar: string | null;
  pdf: PreparedPdf | null;
  /** Local files (images) the outputs were made from. */
  dependencies: string[];
}

/**
 * Model a roadmap and render its stale formats (HTML, the checklist to print,
 * the calendar), writing nothing: every roadmap is rendered before any is
 * written, so that a template failing on one writes nothing at all.
 */
export async function renderRoadmap(job: RenderJob, context: RenderContext): Promise<RenderedRoadmap> {
  const failed = (diagnostics: Diagnostic[]): RenderedRoadmap => ({
    built: { ...job.input, view: null, summary: null, diagnostics, outputs: [], upToDate: [] },
    html: null,
    calendar: null,
    pdf: null,
    dependencies: [],
  });
  if (job.failure) return failed([job.failure]);
  try {
    return await renderReadRoadmap(job, context);
  } catch (error) {
    // A broken template stops the build (it would fail on every roadmap); anything else is this roadmap's error alone.
    if (error instanceof TemplateError || error instanceof InterruptedError) throw error;
    return failed([unexpectedFailure(error, 'build')]);
  }
}

async function renderReadRoadmap(job: RenderJob, context: RenderContext): Promise<RenderedRoadmap> {
  const { input, file, stale } = job;
  const { roadmap, diagnostics, tree } = await processRoadmap(job.source, input.source, context.settings, context.processor);
  const built: BuiltRoadmap = { ...input, view: null, summary: null, diagnostics, outputs: [], upToDate: [] };
  const dependencies: string[] = [];
  if (!roadmap || !tree) return { built, html: null, calendar: null, pdf: null, dependencies };
  const view = toViewModel(roadmap, generator, { labels: context.settings.defaults?.labels });
  built.view = view;
  built.summary = toIndexSummary(view);
  const baseDir = path.dirname(file);
  const date = resolveBuildDate(context.epoch, roadmap.meta);
  // Every template, HTML or PDF, sees the same data (made in view/to-page-data.ts).
  const { group, review, groupProgress, layout } = context;
  const settings: PageSettings = { group, review, groupProgress, layout, date };

  const calendar = stale.includes('ics')
    ? toICalendar(roadmap, {
        uidPrefix: slugify(input.name) || 'roadmap',
        labels: view.labels,
        generator,
        review: context.review ?? undefined,
      })
    : null;
  if (stale.includes('ics') && !calendar) built.diagnostics.push(noStartDate);
  // Remote images cannot load offline: alt text (badges: nothing) in the handout and the PDF, one warning.
  const printable = replaceRemoteImages(view, findImageItems(tree));
  if (printable.diagnostic && (stale.includes('html') || stale.includes('pdf'))) built.diagnostics.push(printable.diagnostic);
  let html: string | null = null;
  if (stale.includes('html') && context.handout) {
    const images = await resolveImages(printable.view, printable.elements, { baseDir, remote: 'alt' });
    dependencies.push(...images.files);
    // The PDF reports the same image problems; say them once.
    if (!stale.includes('pdf')) built.diagnostics.push(...images.diagnostics);
    html = context.handout(toHandoutData(images.view, settings), { format: 'html' }).html;
  }
  const pdf: PreparedPdf | null =
    stale.includes('pdf') && context.checklist
      ? await preparePdf(
          printable.view,
          { images: printable.elements, tree },
          settings,
          context.checklist,
          { baseDir, date },
          context.paper,
        )
      : null;
  if (pdf) dependencies.push(...pdf.files);
  return { built, html, calendar, pdf, dependencies };
}

/** The function that prints and writes a rendered roadmap (see {@link renderRoadmap}), and gives its cache entry. */
export function toWriter(planned: PlannedRoadmap, rendered: RenderedRoadmap, context: RoadmapContext): WriteRoadmap {
  const { built, html, calendar, pdf, dependencies } = rendered;
  const summary = built.summary;
  // A roadmap that cannot be modelled writes nothing; its last good outputs and their cache entry stay.
  if (!summary) return async () => ({ built, entry: undefined });
  const { input, file, stale } = planned;
  const base = path.join(context.out, input.name);

  return async ({ makePdf, signal }) => {
    const written: Partial<Record<Format, { target: string; size: number }>> = {};
    let booklet: { target: string; size: number } | null = null;
    const write = async (format: Format, data: string | Uint8Array) => {
      const target = `${base}.${format}`;
      const info = await writeAtomic(target, data, { signal })
        .then(() => stat(target))
        .catch((error: unknown) => {
          throw toFsError('write', target, error);
        });
      written[format] = { target, size: info.size };
    };
    const writes: Promise<void>[] = [];
    if (html !== null) writes.push(write('html', html));
    if (calendar) writes.push(write('ics', calendar));
    if (pdf && makePdf) {
      writes.push(
        makePdf(pdf).then(async (made) => {
          built.diagnostics.push(...made.diagnostics);
          if (made.pdf) await write('pdf', made.pdf);
          if (made.booklet) {
            const target = `${base}.booklet.pdf`;
            const info = await writeAtomic(target, made.booklet, { signal })
              .then(() => stat(target))
              .catch((error: unknown) => {
                throw toFsError('write', target, error);
              });
            booklet = { target, size: info.size };
          }
        }),
      );
    }
    const settled = await Promise.allSettled(writes);
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    built.diagnostics.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));

    // Up-to-date formats keep their outputs; the new ones join them.
    const outputs: CacheEntry['outputs'] = {};
    for (const format of context.formats) {
      const previous = planned.entry?.outputs[format];
      if (!stale.includes(format) && previous) {
        outputs[format] = previous;
        built.upToDate.push(format);
      } else if (written[format]) {
        const { target, size } = written[format];
        outputs[format] = { key: planned.keys[format], file: path.relative(context.out, target), size };
      }
    }
    // The booklet is recorded beside the PDF it is imposed from: listed, kept while the PDF is up to date, pruned with it.
    const previousBooklet = planned.entry?.outputs[bookletOutput];
    // Set inside the print's callback, which TypeScript's narrowing does not follow.
    const imposed = booklet as { target: string; size: number } | null;
    if (imposed) outputs[bookletOutput] = { key: planned.keys.pdf, file: path.relative(context.out, imposed.target), size: imposed.size };
    else if (built.upToDate.includes('pdf') && previousBooklet) outputs[bookletOutput] = previousBooklet;
    built.outputs = Object.values(outputs).map((output) => path.relative(context.cwd, path.join(context.out, output.file)));
    const entry: CacheEntry = {
      source: file,
      outputs,
      dependencies: await snapshotDependencies([...(planned.entry?.dependencies.map((d) => d.file) ?? []), ...dependencies]),
      summary,
      diagnostics: built.diagnostics,
    };
    return { built, entry };
  };
}

/** Read a roadmap's bytes, or the error. */
async function readSource(file: string): Promise<Buffer | NodeJS.ErrnoException> {
  return readFile(file).catch((error: NodeJS.ErrnoException) => error);
}

/** Why `--format ics` wrote no calendar for a roadmap. */
const noStartDate: Diagnostic = {
  severity: 'warning',
  message: 'No calendar written: no start date, expected front matter `start`, config `start` or `--start`',
  line: 1,
  column: 1,
  rule: 'no-start-date',
};
