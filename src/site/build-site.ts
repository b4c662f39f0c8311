import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { toICalendar } from '../calendar/to-icalendar.js';
import { InputError } from '../errors.js';
import type { Diagnostic } from '../model/roadmap.js';
import { toViewModel, type ViewModel } from '../model/to-view-model.js';
import { slugify } from '../pipeline/create-item-id.js';
import { processRoadmap } from '../pipeline/process-roadmap.js';
import type { SettingLayers } from '../pipeline/settings.js';
import { createPrinter } from '../print/create-printer.js';
import { findBrowser } from '../print/find-browser.js';
import { createRenderer, type Render } from '../render/create-renderer.js';
import { loadTemplate } from '../render/load-template.js';
import { generator } from '../version.js';
import { collectInputs, type Input } from './collect-inputs.js';
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

  const printer = wanted.includes('pdf')
    ? createPrinter({ executablePath: findBrowser(options.browser), concurrency: options.concurrency })
    : null;
  // Chromium starts while the Markdown is parsed; its errors surface at the first print.
  printer?.warm().catch(() => undefined);
  try {
    const [handout, checklist, index] = await Promise.all([
      wanted.includes('html') ? loadRenderer('handout') : null,
      printer ? loadRenderer('checklist') : null,
      loadRenderer('index'),
    ]);
    const roadmaps = await Promise.all(
      inputs.map((input) =>
        buildRoadmap(input, {
          cwd,
          settings: options.settings ?? {},
          out,
          handout,
          calendar: wanted.includes('ics'),
          printPdf: printer && checklist ? (view) => {
            const document = checklist(view);
            return printer.print(document.html, document);
          } : null,
        }),
      ),
    );
    const indexFile = path.join(out, 'index.html');
    await writeAtomic(indexFile, index(toIndexView(roadmaps, generator)).html);
    return {
      roadmaps,
      index: path.relative(cwd, indexFile),
      errors: count(roadmaps, 'error'),
      warnings: count(roadmaps, 'warning'),
    };
  } finally {
    await printer?.close();
  }
}

interface RoadmapTargets {
  cwd: string;
  settings: SettingLayers;
  out: string;
  handout: Render | null;
  calendar: boolean;
  printPdf: ((view: ViewModel) => Promise<Uint8Array>) | null;
}

async function buildRoadmap(input: Input, targets: RoadmapTargets): Promise<BuiltRoadmap> {
  const file = path.resolve(targets.cwd, input.source);
  const source = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`Cannot read ${input.source}: ${error.code ?? error.message}`, { cause: error });
  });
  const { roadmap, diagnostics } = await processRoadmap(source, input.source, targets.settings);
  const built: BuiltRoadmap = { ...input, view: null, diagnostics, outputs: [] };
  if (!roadmap) return built;
  const view = toViewModel(roadmap, generator, { labels: targets.settings.defaults?.labels });
  built.view = view;
  const base = path.join(targets.out, input.name);
  const writes: Promise<string>[] = [];
  if (targets.handout) writes.push(write(`${base}.html`, targets.handout(view).html));
  if (targets.printPdf) writes.push(targets.printPdf(view).then((pdf) => write(`${base}.pdf`, pdf)));
  if (targets.calendar) {
    const calendar = toICalendar(roadmap, { uidPrefix: slugify(input.name) || 'roadmap', labels: view.labels, generator });
    if (calendar) writes.push(write(`${base}.ics`, calendar));
    else built.diagnostics = [...built.diagnostics, noStartDate];
  }
  built.outputs = await Promise.all(writes);
  return built;

  async function write(target: string, data: string | Uint8Array) {
    await writeAtomic(target, data);
    return path.relative(targets.cwd, target);
  }
}

/** Why `--format ics` wrote no calendar for a roadmap. */
const noStartDate: Diagnostic = {
  severity: 'warning',
  message: 'No calendar written: no start date, expected front matter `start`, config `start` or `--start`',
  line: 1,
  column: 1,
  rule: 'no-start-date',
};

async function loadRenderer(name: string): Promise<Render> {
  return createRenderer(await loadTemplate(name));
}

function count(roadmaps: BuiltRoadmap[], severity: Diagnostic['severity']): number {
  return roadmaps.reduce((sum, roadmap) => sum + roadmap.diagnostics.filter((d) => d.severity === severity).length, 0);
}
