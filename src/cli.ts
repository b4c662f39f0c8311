#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import pc from 'picocolors';
import { RoadmapPressError } from './errors.js';
import { languageTag } from './config/config-schema.js';
import { build, check, formats, inspect, loadConfig, resolveBuildOptions, resolveSettingLayers, toViewModel, type Format } from './index.js';
import { isIsoDate } from './schedule/iso-date.js';
import type { Diagnostic } from './model/roadmap.js';
import { formatDiagnostic } from './report/format-diagnostic.js';
import { version } from './version.js';

const color = pc.isColorSupported && process.stderr.isTTY === true;

const program = new Command('roadmap-press')
  .description('Turn Markdown learning roadmaps into a PDF checklist and a one-page HTML handout.')
  .version(version, '-v, --version')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(color ? pc.red(text) : text) });

program
  .command('build')
  .description('build roadmaps into HTML handouts, PDF checklists and an index page')
  .argument('[inputs...]', 'Markdown files or folders (default: config `content`, else content/)')
  .option('-o, --out <dir>', 'output folder (default: config `out`, else output/)')
  .option('-f, --format <list>', 'formats to write: html, pdf, ics or a list such as html,pdf,ics (default: html,pdf)', parseFormats)
  .option('--lang <tag>', 'language of every roadmap, over front matter `lang`', parseLanguage)
  .option('--start <date>', 'date week 1 starts on (YYYY-MM-DD), over front matter `start`', parseDate)
  .option('--weeks-per-phase <n>', 'weeks given to each undated phase, laid out after the dated ones', parseWeeksPerPhase)
  .option('--browser <path>', 'Chrome/Chromium executable (default: PUPPETEER_EXECUTABLE_PATH, then the system one)')
  .option('-c, --config <file>', 'config file (default: roadmap.config.json/.mjs/.js from here up)')
  .option('-q, --quiet', 'print only problems')
  .action(async (inputs: string[], flags: BuildCommandFlags) => {
    const started = performance.now();
    const { config, file } = await loadConfig(process.cwd(), flags.config);
    const options = resolveBuildOptions(
      config,
      {
        inputs,
        out: flags.out,
        formats: flags.format,
        browser: flags.browser,
        lang: flags.lang,
        start: flags.start,
        weeksPerPhase: flags.weeksPerPhase,
      },
      { configFile: file },
    );
    const result = await build(options);
    for (const roadmap of result.roadmaps) report(roadmap.source, roadmap.diagnostics);
    const failed = result.roadmaps.filter((roadmap) => roadmap.view === null).length;
    if (!flags.quiet) {
      for (const roadmap of result.roadmaps) for (const output of roadmap.outputs) console.error(`  ${output}`);
      console.error(`  ${result.index}`);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const built = result.roadmaps.length - failed;
      console.error(
        `Built ${built} ${built === 1 ? 'roadmap' : 'roadmaps'} in ${seconds}s` +
          (failed ? `, ${failed} failed` : '') +
          `, ${result.errors} ${result.errors === 1 ? 'error' : 'errors'}, ${result.warnings} ${result.warnings === 1 ? 'warning' : 'warnings'}`,
      );
    }
    if (result.errors > 0 || failed > 0) process.exitCode = 1;
  });

program
  .command('inspect')
  .description('print the enriched roadmap model of one file')
  .argument('<file>', 'Markdown roadmap')
  .option('--json', 'print the model as JSON')
  .option('--lang <tag>', 'language of the roadmap, over front matter `lang`', parseLanguage)
  .option('--start <date>', 'date week 1 starts on (YYYY-MM-DD), over front matter `start`', parseDate)
  .option('--weeks-per-phase <n>', 'weeks given to each undated phase, laid out after the dated ones', parseWeeksPerPhase)
  .option('-c, --config <file>', 'config file (default: roadmap.config.json/.mjs/.js from here up)')
  .action(async (file: string, options: SettingFlags & { json?: boolean }) => {
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
      console.log(`${view.title}: ${view.stats.phases} phases, ${view.stats.weeks} weeks, ${view.stats.items} items`);
      for (const part of view.parts) {
        const label = part.weekLabel ? ` (${part.weekLabel}${part.dateLabel ? `, ${part.dateLabel}` : ''})` : '';
        console.log(`  ${part.kind.padEnd(7)} ${part.title ?? '(untitled)'}${label}: ${part.itemCount} items`);
      }
    }
    if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) process.exitCode = 1;
  });

program
  .command('check')
  .description('model and lint roadmaps: print every diagnostic, exit 1 on errors')
  .argument('<files...>', 'Markdown roadmaps or folders of them')
  .option('--strict', 'exit 1 on warnings too')
  .option('--reporter <name>', 'text (default) or json', parseReporter, 'text')
  .option('--lang <tag>', 'language of every roadmap, over front matter `lang`', parseLanguage)
  .option('--start <date>', 'date week 1 starts on (YYYY-MM-DD), over front matter `start`', parseDate)
  .option('--weeks-per-phase <n>', 'weeks given to each undated phase, laid out after the dated ones', parseWeeksPerPhase)
  .option('-c, --config <file>', 'config file (default: roadmap.config.json/.mjs/.js from here up)')
  .action(async (files: string[], options: SettingFlags & { strict?: boolean; reporter: 'text' | 'json' }) => {
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

interface BuildCommandFlags {
  out?: string;
  format?: Format[];
  lang?: string;
  start?: string;
  weeksPerPhase?: number;
  browser?: string;
  config?: string;
  quiet?: boolean;
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
  if (!languageTag.safeParse(value).success) throw new InvalidArgumentError('expected a language tag such as en or pt-BR');
  return value;
}

function parseFormats(value: string): Format[] {
  const list = value.split(',').map((format) => format.trim().toLowerCase()).filter(Boolean);
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
  if (error instanceof CommanderError) {
    // Help and version exit 0; every other commander error is a usage error.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof RoadmapPressError) {
    console.error(`${color ? pc.red('error') : 'error'} ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error(`roadmap-press crashed, this is a bug: ${(error as Error)?.stack ?? String(error)}`);
    process.exitCode = 1;
  }
}
