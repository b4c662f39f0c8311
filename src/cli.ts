#!/usr/bin/env -S node --max-semi-space-size=64
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import pc from 'picocolors';
import { InterruptedError, RoadmapPressError } from './shared/errors.js';
import { isLanguageTag } from './model/language-tag.js';
import type { Format } from './index.js';
import type { BuildFlags } from './site/resolve-build-options.js';
import { isIsoDate } from './shared/dates.js';
import type { Diagnostic } from './model/roadmap.js';
import type { TemplateChoice } from './render/load-renderers.js';
import { templateName } from './model/template-name.js';
import { isMargin, papers, type Paper } from './model/page-layout.js';
import { linkLists, linkModes } from './model/paper-options.js';
import { createProgress } from './report/create-progress.js';
import { formatBuildSummary } from './report/format-build-summary.js';
import { formatDiagnostic } from './report/format-diagnostic.js';
import { version } from './shared/version.js';

const color = pc.isColorSupported && process.stderr.isTTY === true;

const program = new Command('roadmap-press')
  .description('Turn Markdown learning roadmaps into a PDF checklist and a one-page HTML handout.')
  .version(version, '-v, --version')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(color ? pc.red(text) : text) });

/** The options every command that models roadmaps shares: per-roadmap settings and the config file. */
function withSettingOptions(command: Command): Command {
  return command
    .option('--lang <tag>', 'language of the roadmaps, over front matter `lang`', parseLanguage)
    .option('--start <date>', 'date week 1 starts on (YYYY-MM-DD), over front matter `start`', parseDate)
    .option('--weeks-per-phase <n>', 'weeks given to each undated phase, laid out after the dated ones', parseWeeksPerPhase)
    .option('-c, --config <file>', 'config file (default: roadmap.config.json/.mjs/.js from here up)');
}

/** The options `build` and `serve` share. */
function withBuildOptions(command: Command): Command {
  return withSettingOptions(command)
    .argument('[inputs...]', 'Markdown files or folders (default: config `content`, else content/)')
    .option('-o, --out <dir>', 'output folder (default: config `out`, else output/)')
    .option('-f, --format <list>', 'formats to write: html, pdf, ics or a list such as html,pdf,ics (default: html,pdf)', parseFormats)
    .option(
      '--browser <path>',
      "Chrome/Chromium executable (default: PUPPETEER_EXECUTABLE_PATH, then the system one, then puppeteer's cache)",
    )
    .option(
      '--browser-url <url>',
      'connect to a running Chrome (http://host:port) instead of launching one',
      parseUrl(/^https?:$/, 'a URL such as http://127.0.0.1:9222'),
    )
    .option(
      '--browser-ws <url>',
      'connect to a DevTools WebSocket (ws://…) instead of launching a browser',
      parseUrl(/^wss?:$/, 'a ws:// or wss:// URL'),
    )
    .option('--paper <size>', `PDF paper size: ${papers.join(', ')} (default: a4)`, parsePaper)
    .option('--margin <lengths>', 'PDF page margins, CSS shorthand such as 12mm or "18mm 14mm"', parseMargin)
    .option('--landscape', 'print PDFs in landscape')
    .option('--phase-break', 'start each phase on a new page')
    .option('--print-date', 'print the date (SOURCE_DATE_EPOCH, else front matter date) in the PDF footer')
    .option(
      '--links <mode>',
      `links in the PDF: ${linkModes.join(', ')} (default: footnotes; the handout keeps live links)`,
      parseChoice(linkModes),
    )
    .option('--booklet', 'also write NAME.booklet.pdf: A5 pages two per A4 (Letter with --paper letter) sheet, to print duplex and fold')
    .option('--link-list <where>', `where the PDF lists link notes: ${linkLists.join(', ')} (default: phase)`, parseChoice(linkLists))
    .option('--timeout <seconds>', 'seconds one PDF may take to print (default: 60)', parsePositive)
    .option('--recycle-after <count>', 'PDFs one browser prints before it is replaced (default: 50)', parseCount)
    .option(
      '-t, --template <name>',
      'template: NAME for every format, or html=NAME,pdf=NAME (default: handout, checklist)',
      parseTemplateChoice,
    )
    .option('--templates <dir>', 'your own templates folder, searched before the built-ins (default: config `templates`, else templates/)')
    .option('--no-cache', 'rebuild everything, even what is up to date')
    .option('-q, --quiet', 'print only problems')
    .option('--verbose', 'list every output, up to date or not, and what was removed');
}

/** Build options from the config (found again each time) and the flags. */
async function resolveFromFlags(inputs: string[], flags: BuildCommandFlags) {
  const [{ loadConfig }, { resolveBuildOptions }] = await Promise.all([
    import('./config/load-config.js'),
    import('./site/resolve-build-options.js'),
  ]);
  const { config, file } = await loadConfig(process.cwd(), flags.config);
  const options = resolveBuildOptions(config, { ...flags, inputs, formats: flags.format }, { configFile: file });
  return { options: { ...options, cache: flags.cache, workers: flags.workers }, configFile: file };
}

withBuildOptions(program.command('build').description('build roadmaps into HTML handouts, PDF checklists and an index page'))
  .option('-w, --watch', 'rebuild on every change to the roadmaps, templates or config')
  .option(
    '--workers <n>',
    'worker threads that model and render roadmaps; 0: none (default: one per core, at most 8, from 160 roadmaps to render on 2 cores, fewer on more)',
    parseWorkers,
  )
  .action(async (inputs: string[], flags: BuildCommandFlags) => {
    if (flags.watch) {
      await watchAndServe(inputs, flags, null);
      return;
    }
    const started = performance.now();
    const prelaunched = shouldPrelaunch(flags)
      ? import('./print/prelaunch.js').then((module) => module.prelaunch(flags.browser))
      : undefined;
    const progress = createProgress(process.stderr, color);
    const result = await (async () => {
      const { options } = await resolveFromFlags(inputs, flags);
      // Only what a build needs: an HTML-only build never loads the printing code (see build-site).
      const { buildSite } = await import('./site/build-site.js');
      return buildSite({
        ...options,
        prelaunched,
        signal: interruptOnSignals(),
        onProgress: ({ done, total, roadmap }) => {
          if (flags.quiet) return;
          progress.update(done, total, roadmap.source);
          if (process.stderr.isTTY && !process.env.CI && !flags.verbose) return;
          const fresh = roadmap.outputs.filter((output) => !roadmap.upToDate.some((format) => output.endsWith(`.${format}`)));
          for (const output of flags.verbose ? roadmap.outputs : fresh) {
            console.error(`  ${output}${fresh.includes(output) ? '' : ' (up to date)'}`);
          }
        },
      });
    })().catch(async (error: unknown) => {
      // The build never got to use (and close) the early browser.
      await prelaunched?.then((early) => early?.browser.close()).catch(() => undefined);
      throw error;
    });
    progress.clear();
    for (const roadmap of result.roadmaps) report(roadmap.source, roadmap.diagnostics);
    const failed = result.roadmaps.filter((roadmap) => roadmap.summary === null).length;
    if (!flags.quiet) {
      if (flags.verbose) for (const file of result.removed) console.error(`  ${file} (removed)`);
      console.error(formatBuildSummary(result, (performance.now() - started) / 1000));
    }
    if (result.errors > 0 || failed > 0) process.exitCode = 1;
  });

withBuildOptions(program.command('serve').description('build, serve the output on 127.0.0.1 and rebuild and reload pages on every change'))
  .option('-p, --port <port>', 'port to serve on; the next free one is taken when it is busy (default: 4000)', parsePort)
  .option('--host <host>', 'interface to listen on; anything but 127.0.0.1 exposes the site to your network', '127.0.0.1')
  .action(async (inputs: string[], flags: BuildCommandFlags & { port?: number; host: string }) => {
    await watchAndServe(inputs, flags, { port: flags.port ?? 4000, host: flags.host });
  });

/**
 * Start Chromium right away, before the rest loads, when a build will surely
 * print: PDFs wanted, nothing to connect to, and no cache (a first build, or
 * `--no-cache`). An unused early browser is closed by the build.
 */
function shouldPrelaunch(flags: BuildCommandFlags): boolean {
  if (flags.browserUrl || flags.browserWs) return false;
  if (!(flags.format ?? ['html', 'pdf']).includes('pdf')) return false;
  return flags.cache === false || !existsSync(path.resolve(flags.out ?? 'output', '.roadmap-press-cache.json'));
}

/** `build --watch` and `serve`: rebuild on changes until Ctrl-C; `serve` also serves the output with live reload. */
async function watchAndServe(inputs: string[], flags: BuildCommandFlags, serve: { port: number; host: string } | null) {
  const first = await resolveFromFlags(inputs, flags);
  const cwd = process.cwd();
  const { startDevServer } = await import('./serve/create-dev-server.js');
  const { errorLines, watchSite } = await import('./serve/watch-site.js');
  const server = serve
    ? await startDevServer({ root: path.resolve(cwd, first.options.out ?? 'output'), host: serve.host, port: serve.port })
    : null;
  const watcher = watchSite({
    resolveOptions: async () => (await resolveFromFlags(inputs, flags)).options,
    extraPaths: first.configFile ? [first.configFile] : [],
    onEvent: (event) => {
      if (event.type === 'failed') {
        console.error(`${color ? pc.red('error') : 'error'} ${event.message}`);
        server?.notify({ type: 'build-error', message: event.message });
        return;
      }
      if (event.type === 'pdf-stale') {
        for (const name of event.names) server?.notify({ type: 'pdf', name, state: 'stale' });
        return;
      }
      const { result } = event;
      // Content diagnostics come with the HTML; the PDF pass adds only what printing found.
      for (const roadmap of result.roadmaps) {
        report(
          roadmap.source,
          event.phase === 'html' ? roadmap.diagnostics : roadmap.diagnostics.filter((d) => d.rule === 'offline' || d.rule === 'print'),
        );
      }
      if (event.phase === 'pdf' && !flags.quiet) console.error(formatBuildSummary(result, event.seconds));
      const errors = errorLines(result, (file, diagnostic) => formatDiagnostic(file, diagnostic, false));
      if (errors.length > 0) server?.notify({ type: 'build-error', message: errors.join('\n') });
      else server?.notify({ type: 'build-ok' });
      if (event.pages.length > 0) server?.notify({ type: 'reload', pages: event.pages });
      if (event.phase === 'pdf')
        for (const roadmap of result.roadmaps) {
          if (roadmap.summary)
            server?.notify({
              type: 'pdf',
              name: roadmap.name,
              state: roadmap.outputs.some((output) => output.endsWith('.pdf')) ? 'ready' : 'failed',
            });
        }
    },
  });
  await watcher.ready;
  if (server)
    console.error(
      `Serving ${server.url} (Ctrl-C to stop)${serve!.host !== '127.0.0.1' && serve!.host !== 'localhost' ? pc.yellow(' — reachable from your network') : ''}`,
    );
  else console.error('Watching for changes (Ctrl-C to stop)');
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await watcher.close();
  await server?.close();
}

program
  .command('init')
  .description('scaffold a project: config, a sample roadmap, editable templates, a README')
  .argument('[dir]', 'folder to scaffold (default: the current one)')
  .option('-t, --template <name>', 'built-in template to copy and use: handout, checklist, planner, study-group', parseTemplateName)
  .action(async (dir: string | undefined, options: { template?: string }) => {
    const { initProject } = await import('./init/init-project.js');
    const written = await initProject({ dir, template: options.template });
    for (const file of written) console.error(`  ${file}`);
    console.error(`Created ${written.length} files. Build them with: roadmap-press build${dir ? ` (from ${dir})` : ''}`);
  });

withSettingOptions(program.command('inspect'))
  .description('print the enriched roadmap model of one file')
  .argument('<file>', 'Markdown roadmap')
  .option('--json', 'print the model as JSON')
  .action(async (file: string, options: SettingFlags & { json?: boolean }) => {
    const { inspect, loadConfig, resolveSettingLayers, toViewModel } = await api();
    const { config } = await loadConfig(process.cwd(), options.config);
    const { roadmap, diagnostics } = await inspect(file, resolveSettingLayers(config, options));
    report(file, diagnostics);
    if (!roadmap) {
      process.exitCode = 1;
      return;
    }
    if (options.json) {
      process.stdout.write(`${JSON.stringify(roadmap, null, 2)}\n`);
    } else {
      const view = toViewModel(roadmap, '', { labels: config.labels });
      console.log(
        `${view.title}: ${view.stats.phases} phases, ${view.stats.weeks} weeks, ${view.stats.items} items, language ${view.lang}`,
      );
      for (const part of view.parts) {
        const label = part.weekLabel ? ` (${part.weekLabel}${part.dateLabel ? `, ${part.dateLabel}` : ''})` : '';
        console.log(`  ${part.kind.padEnd(7)} ${part.title ?? '(untitled)'}${label}: ${part.itemCount} items`);
      }
    }
    if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) process.exitCode = 1;
  });

withSettingOptions(program.command('check'))
  .description('model and lint roadmaps: print every diagnostic, exit 1 on errors')
  .argument('<files...>', 'Markdown roadmaps or folders of them')
  .option('--strict', 'exit 1 on warnings too')
  .option('--reporter <name>', 'text (default) or json', parseReporter, 'text')
  .action(async (files: string[], options: SettingFlags & { strict?: boolean; reporter: 'text' | 'json' }) => {
    const { check, loadConfig, resolveSettingLayers } = await api();
    const { config } = await loadConfig(process.cwd(), options.config);
    const result = await check(files, resolveSettingLayers(config, options));
    if (options.reporter === 'json') {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      for (const { file, diagnostics } of result.files) {
        for (const diagnostic of diagnostics) console.log(formatDiagnostic(file, diagnostic, process.stdout.isTTY === true && color));
      }
      const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
      console.error(
        `Checked ${plural(result.files.length, 'file')}: ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}, ${plural(result.infos, 'info')}`,
      );
    }
    if (result.errors > 0 || (options.strict && result.warnings > 0)) process.exitCode = 1;
  });

interface SettingFlags {
  lang?: string;
  start?: string;
  weeksPerPhase?: number;
  config?: string;
}

/** What commander hands the build and serve actions: the build flags plus the command's own. */
interface BuildCommandFlags extends Omit<BuildFlags, 'inputs' | 'formats'> {
  format?: Format[];
  cache: boolean;
  watch?: boolean;
  workers?: number;
  verbose?: boolean;
  config?: string;
  quiet?: boolean;
}

/** SIGINT/SIGTERM abort the build: it closes the browser and removes its temporary files; a second signal exits at once. */
function interruptOnSignals(): AbortSignal {
  const interruption = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interruption.signal.aborted) process.exit(130);
      interruption.abort();
    });
  }
  return interruption.signal;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return port;
}

function parseChoice<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!choices.includes(value as T)) throw new InvalidArgumentError(`expected ${choices.join(', ')}`);
    return value as T;
  };
}

function parsePaper(value: string): Paper {
  const paper = value.toLowerCase();
  if (!papers.includes(paper as Paper)) throw new InvalidArgumentError(`expected ${papers.join(', ')}`);
  return paper as Paper;
}

function parseMargin(value: string): string {
  if (!isMargin(value)) throw new InvalidArgumentError('expected 1-4 lengths such as 12mm or "18mm 14mm" (mm, cm, in, pt, px)');
  return value;
}

function parsePositive(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('expected a positive number of seconds');
  return number;
}

function parseCount(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return number;
}

function parseWorkers(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of worker threads, 0 for none');
  return Number(value);
}

function parseUrl(protocol: RegExp, expected: string): (value: string) => string {
  return (value) => {
    if (!URL.canParse(value) || !protocol.test(new URL(value).protocol)) throw new InvalidArgumentError(`expected ${expected}`);
    return value;
  };
}

function parseTemplateName(value: string): string {
  if (!templateName.safeParse(value).success) throw new InvalidArgumentError('expected a template name (letters, digits and dashes)');
  return value;
}

function parseTemplateChoice(value: string): TemplateChoice {
  if (!value.includes('=')) {
    const name = parseTemplateName(value);
    return { html: name, pdf: name };
  }
  const choice: TemplateChoice = {};
  for (const entry of value.split(',')) {
    const [format = '', name = ''] = entry.split('=').map((part) => part.trim());
    if (format !== 'html' && format !== 'pdf') throw new InvalidArgumentError(`expected html=NAME or pdf=NAME, got "${entry}"`);
    choice[format] = parseTemplateName(name);
  }
  return choice;
}

function parseDate(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a date written YYYY-MM-DD, such as 2027-01-04');
  return value;
}

function parseWeeksPerPhase(value: string): number {
  const weeks = Number(value);
  if (!/^\d+$/.test(value) || weeks < 1 || weeks > 52) throw new InvalidArgumentError('expected a whole number of weeks from 1 to 52');
  return weeks;
}

function parseReporter(value: string): 'text' | 'json' {
  if (value !== 'text' && value !== 'json') throw new InvalidArgumentError('expected text or json');
  return value;
}

function parseLanguage(value: string): string {
  if (!isLanguageTag(value)) throw new InvalidArgumentError('expected a language tag such as en or pt-BR');
  return value;
}

withBuildOptions(program.command('merge'))
  .description("build the study group's handout and PDF with each member's column ticked from their progress")
  .option(
    '-m, --member <spec...>',
    'a member and their progress: NAME=progress.json or NAME=checklist.pdf (default: config group.members[].progress)',
    collectMember,
    [],
  )
  .action(async (inputs: string[], flags: BuildCommandFlags & { member: { name: string; file: string }[] }) => {
    const [roadmap, ...rest] = inputs;
    if (!roadmap || rest.length > 0) {
      console.error('error Expected exactly one roadmap: roadmap-press merge ROADMAP --member NAME=FILE …');
      process.exitCode = 2;
      return;
    }
    const started = performance.now();
    const { options, configFile } = await resolveFromFlags([roadmap], flags);
    const { mergeGroup } = await import('./merge/merge-group.js');
    const result = await mergeGroup({
      ...options,
      roadmap,
      members: flags.member,
      configDir: configFile ? path.dirname(configFile) : undefined,
      signal: interruptOnSignals(),
    });
    for (const built of result.roadmaps) report(built.source, built.diagnostics);
    if (!flags.quiet) {
      for (const built of result.roadmaps) for (const output of built.outputs) console.error(`  ${output}`);
      console.error(formatBuildSummary(result, (performance.now() - started) / 1000));
    }
    if (result.errors > 0 || result.roadmaps.some((built) => built.summary === null)) process.exitCode = 1;
  });

function collectMember(value: string, previous: { name: string; file: string }[]): { name: string; file: string }[] {
  const at = value.indexOf('=');
  const name = value.slice(0, at).trim();
  const file = value.slice(at + 1).trim();
  if (at < 0 || !name || !file) throw new InvalidArgumentError(`expected NAME=progress.json or NAME=checklist.pdf, got "${value}"`);
  return [...previous, { name, file }];
}

program
  .command('mark')
  .description('write ticks back into a roadmap: [x] for done, [~] for in progress, [ ] for undone')
  .argument('<file>', 'Markdown roadmap')
  .option('--done <ids...>', 'item ids to tick')
  .option('--undo <ids...>', 'item ids to untick')
  .option('--doing <ids...>', 'item ids to mark in progress ([~])')
  .option('--from <file>', 'take the ticks from a progress JSON file or a ticked PDF checklist')
  .action(async (file: string, options: { done?: string[]; undo?: string[]; doing?: string[]; from?: string }) => {
    const { mark } = await api();
    const { changed, matched, dropped } = await mark(file, options);
    for (const { from, to } of matched) console.error(`  ${from} → ${to} (matched: reworded or moved)`);
    for (const id of dropped) console.error(`  ${id} (dropped: no such item any more)`);
    console.error(
      changed.length === 0 ? `${file}: nothing changed` : `${file}: ${changed.length} ${changed.length === 1 ? 'item' : 'items'} updated`,
    );
  });

/** The programmatic API, loaded when a command runs: `--help` and `--version` stay fast. */
function api() {
  return import('./index.js');
}

const formats: readonly Format[] = ['html', 'pdf', 'ics'];

function parseFormats(value: string): Format[] {
  const list = value
    .split(',')
    .map((format) => format.trim().toLowerCase())
    .filter(Boolean);
  const unknown = list.filter((format) => !formats.includes(format as Format));
  if (list.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`expected ${formats.join(', ')} or a comma-separated list of them`);
  }
  return [...new Set(list)] as Format[];
}

function report(file: string, diagnostics: Diagnostic[]) {
  for (const diagnostic of diagnostics) console.error(formatDiagnostic(file, diagnostic, color));
}

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof InterruptedError) {
    console.error(`${color ? pc.yellow('interrupted') : 'interrupted'} ${error.message}`);
    process.exitCode = 130;
  } else if (error instanceof CommanderError) {
    // Help and version exit 0; every other commander error is a usage error.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof RoadmapPressError) {
    console.error(`${color ? pc.red('error') : 'error'} ${error.message}`);
    process.exitCode = 1;
  } else {
    // One line here; the stack and versions go to a report file to attach to a bug report.
    const { writeCrashReport } = await import('./report/write-crash-report.js');
    const report = writeCrashReport(error);
    const reason = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
    console.error(
      `roadmap-press crashed, this is a bug: ${reason} (${report ? `full report in ${report}` : 'no report could be written'}; please report it)`,
    );
    process.exitCode = 1;
  }
}

// Every command has finished its work (a build closes its browser and settles every write before it
// returns). A library timer left behind, such as puppeteer's 30 s wait for a page whose browser was
// closed while it opened, must not keep the process alive long after the summary: what is still
// pending (puppeteer removing its browser profile) gets a moment, then the process exits.
setTimeout(() => process.exit(), 2000).unref();
