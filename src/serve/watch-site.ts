import path from 'node:path';
import { watch } from 'chokidar';
import { RoadmapPressError } from '../shared/errors.js';
import type { Diagnostic } from '../model/roadmap.js';
import type { Printer } from '../print/create-printer.js';
import { localPluginFiles } from '../pipeline/load-user-plugins.js';
import { createTemplateSession } from '../render/create-template-session.js';
import { buildSite, type BuildOptions, type BuildResult } from '../site/build-site.js';

/** What a watched build reports, for the terminal and the dev server. */
export type WatchEvent =
  | { type: 'built'; result: BuildResult; pages: string[]; seconds: number; phase: 'html' | 'pdf' }
  | { type: 'pdf-stale'; names: string[] }
  | { type: 'failed'; message: string };

export interface WatchOptions {
  /** The build's options, read again (with the config) after every change to the config file. */
  resolveOptions: () => Promise<BuildOptions>;
  /** Files and folders to watch besides the inputs and templates (the config file). */
  extraPaths?: string[];
  onEvent: (event: WatchEvent) => void;
  /** Wait this long after the last change before rebuilding (default 30 ms). */
  debounceMs?: number;
}

export interface SiteWatcher {
  /** Resolves once the first build is done. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Build, then rebuild on every change to the roadmaps, templates, config or the project's own plugin files:
 * HTML first (the incremental cache re-renders only what the change touched,
 * and open pages reload), then the PDFs in the background. Builds never
 * overlap; changes during a build are gathered into the next one. A failed
 * build is reported and the last good output stays in place. One Chromium
 * prints for the whole session (until `close`), so a save re-prints at once,
 * and templates and helpers are compiled once, again only after a change to
 * a template, the helpers module or the config.
 */
export function watchSite(options: WatchOptions): SiteWatcher {
  const debounceMs = options.debounceMs ?? 30;
  let running: Promise<void> | null = null;
  let pending = false;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  let watcher: ReturnType<typeof watch> | null = null;
  // One printer, and so one Chromium, for the whole session: started by the first build that prints, closed with the watcher.
  let printer: { browser: string | undefined; printer: Printer } | null = null;
  const templateSession = createTemplateSession();
  // What templates and helpers are read from (the templates folder, the helpers module, the config): a change there reloads them.
  const templateSources = new Set<string>();

  /** The session's printer, made on first use (again if the config names another browser); none when the build connects to a browser. */
  async function sessionPrinter(buildOptions: BuildOptions): Promise<Printer | undefined> {
    if (buildOptions.browserUrl || buildOptions.browserWs) return undefined;
    if (!printer || printer.browser !== buildOptions.browser) {
      await printer?.printer.close();
      const [{ createPrinter }, { findBrowser }] = await Promise.all([
        import('../print/create-printer.js'),
        import('../print/find-browser.js'),
      ]);
      const made = createPrinter({
        executablePath: findBrowser(buildOptions.browser),
        concurrency: buildOptions.concurrency,
        recycleAfter: buildOptions.recycleAfter,
        timeout: buildOptions.timeout === undefined ? undefined : buildOptions.timeout * 1000,
      });
      printer = { browser: buildOptions.browser, printer: made };
    }
    return printer?.printer;
  }

  async function rebuild(): Promise<void> {
    const started = performance.now();
    let buildOptions: BuildOptions;
    try {
      buildOptions = await options.resolveOptions();
      await watchPaths(buildOptions);
    } catch (error) {
      options.onEvent({ type: 'failed', message: messageOf(error) });
      return;
    }
    const wanted = buildOptions.formats ?? ['html', 'pdf'];
    const pages = wanted.filter((format) => format !== 'pdf');
    try {
      if (pages.length > 0) {
        const result = await buildSite({ ...buildOptions, formats: pages, templateSession });
        const changed = rewrittenHandouts(result);
        const seconds = (performance.now() - started) / 1000;
        // Stale before the reload: an open page hears that its PDF is being reprinted before it reloads (and remembers it).
        if (wanted.includes('pdf')) options.onEvent({ type: 'pdf-stale', names: changed.map((roadmap) => roadmap.name) });
        options.onEvent({ type: 'built', phase: 'html', result, seconds, pages: ['index.html', ...changed.map(toPage)] });
        if (!wanted.includes('pdf')) return;
      }
      if (closed) return;
      const result = await buildSite({ ...buildOptions, printer: await sessionPrinter(buildOptions), templateSession });
      // A file saved after the HTML pass is read again here and its page rewritten: reload it too.
      const rewritten = pages.length > 0 ? rewrittenHandouts(result).map(toPage) : [];
      const seconds = (performance.now() - started) / 1000;
      options.onEvent({ type: 'built', phase: 'pdf', result, seconds, pages: rewritten.length > 0 ? ['index.html', ...rewritten] : [] });
    } catch (error) {
      options.onEvent({ type: 'failed', message: messageOf(error) });
    }
  }

  function changed(_event: string, file: string) {
    const entry = path.resolve(file);
    if ([...templateSources].some((source) => entry === source || entry.startsWith(source + path.sep))) templateSession.forget();
    schedule();
  }

  function schedule() {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (running) {
        pending = true;
        return;
      }
      running = rebuild().finally(() => {
        running = null;
        if (pending) {
          pending = false;
          schedule();
        }
      });
    }, debounceMs);
  }

  const watched = new Set<string>();
  async function watchPaths(buildOptions: BuildOptions) {
    const cwd = buildOptions.cwd ?? process.cwd();
    const sources = [
      ...(buildOptions.templates ? [buildOptions.templates] : [path.join(cwd, 'templates')]),
      ...(typeof buildOptions.helpers === 'string' ? [buildOptions.helpers] : []),
      ...(options.extraPaths ?? []),
    ].map((entry) => path.resolve(cwd, entry));
    for (const source of sources) templateSources.add(source);
    // The project's own plugin files: a save rebuilds, and the build imports the saved file afresh.
    const plugins = buildOptions.plugins ? localPluginFiles(buildOptions.plugins) : [];
    const paths = [...(buildOptions.inputs ?? ['content']).map((entry) => path.resolve(cwd, entry)), ...sources, ...plugins];
    const fresh = paths.filter((entry) => !watched.has(entry));
    if (fresh.length === 0) return;
    for (const entry of fresh) watched.add(entry);
    if (!watcher) {
      watcher = watch(fresh, { ignoreInitial: true, ignored: (file) => file.includes(`${path.sep}node_modules${path.sep}`) });
      watcher.on('all', changed);
      await new Promise<void>((resolve) => watcher!.once('ready', () => resolve()));
    } else {
      watcher.add(fresh);
    }
  }

  running = rebuild().finally(() => {
    running = null;
    if (pending) {
      pending = false;
      schedule();
    }
  });
  const ready = running;

  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await watcher?.close();
      await running;
      await printer?.printer.close();
    },
  };
}

/** Content errors of a build, as the lines the terminal shows. */
export function errorLines(result: BuildResult, format: (file: string, diagnostic: Diagnostic) => string): string[] {
  return result.roadmaps.flatMap((roadmap) =>
    roadmap.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => format(roadmap.source, diagnostic)),
  );
}

function messageOf(error: unknown): string {
  if (error instanceof RoadmapPressError) return error.message;
  // A bug: one line for the terminal and the page overlay, never a stack trace.
  return error instanceof Error
    ? `${error.name}: ${error.message.split('\n')[0]} (a bug in roadmap-press, please report it)`
    : String(error);
}

/** The roadmaps whose handout a build wrote anew (not up to date). */
function rewrittenHandouts(result: BuildResult): BuildResult['roadmaps'] {
  return result.roadmaps.filter((roadmap) => roadmap.summary && !roadmap.upToDate.includes('html'));
}

/** A roadmap's handout, as the live-reload client names pages. */
function toPage(roadmap: { name: string }): string {
  return `${roadmap.name}.html`;
}
