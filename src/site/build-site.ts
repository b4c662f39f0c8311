import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GroupConfig } from '../config/group-schema.js';
import { InputError } from '../errors.js';
import type { Diagnostic } from '../model/roadmap.js';
import { toTemplateData } from '../model/to-template-data.js';
import { toViewModel, type ViewModel } from '../model/to-view-model.js';
import { processRoadmap } from '../pipeline/process-roadmap.js';
import type { SettingLayers } from '../pipeline/settings.js';
import { createPrinter } from '../print/create-printer.js';
import { findBrowser } from '../print/find-browser.js';
import type { Render, RenderedDocument } from '../render/create-renderer.js';
import { loadHelpers } from '../render/load-helpers.js';
import { loadRenderers, type TemplateChoice } from '../render/load-renderers.js';
import type { HelperFunction } from '../render/register-helpers.js';
import { generator } from '../version.js';
import { collectInputs, type Input } from './collect-inputs.js';
import { toIndexView } from './to-index-view.js';
import { writeAtomic } from './write-atomic.js';

export type Format = 'html' | 'pdf';
export const formats: readonly Format[] = ['html', 'pdf'];

export interface BuildOptions {
  /** Markdown files or folders; default `content`. */
  inputs?: string[];
  /** Output folder; default `output`. */
  out?: string;
  /** What to write for each roadmap; default HTML and PDF. */
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
  const wanted = options.formats ?? [...formats];
  const inputs = await collectInputs(options.inputs ?? ['content'], cwd);
  if (inputs.length === 0) throw new InputError(`No Markdown files found in ${(options.inputs ?? ['content']).join(', ')}`);
  const ownTemplates = path.join(cwd, 'templates');
  const templates =
    options.templates === undefined ? (existsSync(ownTemplates) ? ownTemplates : undefined) : path.resolve(cwd, options.templates);
  if (templates !== undefined && !existsSync(templates)) throw new InputError(`Templates folder not found: ${options.templates}`);
  const helpers = typeof options.helpers === 'string' ? await loadHelpers(path.resolve(cwd, options.helpers)) : options.helpers;
  // Every template is loaded, checked and compiled before anything is read, rendered or written.
  const renderers = await loadRenderers({ formats: wanted, template: options.template, templatesDir: templates, helpers });

  const printer = wanted.includes('pdf')
    ? createPrinter({ executablePath: findBrowser(options.browser), concurrency: options.concurrency })
    : null;
  // Chromium starts while the Markdown is parsed; its errors surface at the first print.
  printer?.warm().catch(() => undefined);
  try {
    const { html: handout, pdf: checklist, index } = renderers;
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
          printPdf: printer ? (document) => printer.print(document.html, document) : null,
        }),
      ),
    );
    const roadmaps = await Promise.all(prepared.map((write) => write()));
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
  group: GroupConfig | null;
  handout: Render | null;
  checklist: Render | null;
  printPdf: ((document: RenderedDocument) => Promise<Uint8Array>) | null;
}

/** Read, model and render one roadmap; the returned function prints and writes it. */
async function prepareRoadmap(input: Input, targets: RoadmapTargets): Promise<() => Promise<BuiltRoadmap>> {
  const file = path.resolve(targets.cwd, input.source);
  const source = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`Cannot read ${input.source}: ${error.code ?? error.message}`, { cause: error });
  });
  const { roadmap, diagnostics } = await processRoadmap(source, input.source, targets.settings);
  const built: BuiltRoadmap = { ...input, view: null, diagnostics, outputs: [] };
  if (!roadmap) return async () => built;
  const view = toViewModel(roadmap, generator);
  built.view = view;
  const data = toTemplateData(view, { group: targets.group });
  const html = targets.handout ? targets.handout(data, { format: 'html' }).html : null;
  const printable = targets.checklist ? targets.checklist(data, { format: 'pdf' }) : null;
  const base = path.join(targets.out, input.name);
  return async () => {
    const writes: Promise<string>[] = [];
    if (html !== null) writes.push(write(`${base}.html`, html));
    if (printable && targets.printPdf) writes.push(targets.printPdf(printable).then((pdf) => write(`${base}.pdf`, pdf)));
    built.outputs = await Promise.all(writes);
    return built;
  };

  async function write(target: string, data: string | Uint8Array) {
    await writeAtomic(target, data);
    return path.relative(targets.cwd, target);
  }
}

function count(roadmaps: BuiltRoadmap[], severity: Diagnostic['severity']): number {
  return roadmaps.reduce((sum, roadmap) => sum + roadmap.diagnostics.filter((d) => d.severity === severity).length, 0);
}
