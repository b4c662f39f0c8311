import type { Command } from 'commander';
import type { BuildFlags, Format } from '../index.js';
import {
  linkListNames as linkLists,
  linkModeNames as linkModes,
  paperNames as papers,
  parseBrowserUrl,
  parseBrowserWs,
  parseFormats,
  parseLanguage,
  parseLinkList,
  parseLinks,
  parseMargin,
  parsePaper,
  parseRecycleAfter,
  parseStart,
  parseTemplateChoice,
  parseTimeout,
  parseWeeksPerPhase,
} from './flag-parsers.js';

/** `--lang`, `--start`, `--weeks-per-phase`, `--config`: what every command that models roadmaps takes. */
export interface SettingFlags {
  lang?: string;
  start?: string;
  weeksPerPhase?: number;
  config?: string;
}

/** What commander hands the build, serve and merge actions: the build flags plus the command's own. */
export interface BuildCommandFlags extends Omit<BuildFlags, 'inputs' | 'formats'> {
  format?: Format[];
  cache: boolean;
  watch?: boolean;
  workers?: number;
  verbose?: boolean;
  config?: string;
  quiet?: boolean;
}

/** The options every command that models roadmaps shares: per-roadmap settings and the config file. */
export function withSettingOptions(command: Command): Command {
  return command
    .option('--lang <tag>', 'language of the roadmaps, over front matter `lang`', parseLanguage)
    .option('--start <date>', 'date week 1 starts on (YYYY-MM-DD), over front matter `start`', parseStart)
    .option('--weeks-per-phase <n>', 'weeks given to each undated phase, laid out after the dated ones', parseWeeksPerPhase)
    .option('-c, --config <file>', 'config file (default: roadmap.config.json/.mjs/.js from here up)');
}

/** The options `build`, `serve` and `merge` share. */
export function withBuildOptions(command: Command): Command {
  return withSettingOptions(command)
    .argument('[inputs...]', 'Markdown files or folders (default: config `content`, else content/)')
    .option('-o, --out <dir>', 'output folder (default: config `out`, else output/)')
    .option('-f, --format <list>', 'formats to write: html, pdf, ics or a list such as html,pdf,ics (default: html,pdf)', parseFormats)
    .option(
      '--browser <path>',
      "Chrome/Chromium executable (default: PUPPETEER_EXECUTABLE_PATH, then the system one, then puppeteer's cache)",
    )
    .option('--browser-url <url>', 'connect to a running Chrome (http://host:port) instead of launching one', parseBrowserUrl)
    .option('--browser-ws <url>', 'connect to a DevTools WebSocket (ws://…) instead of launching a browser', parseBrowserWs)
    .option('--paper <size>', `PDF paper size: ${papers.join(', ')} (default: a4)`, parsePaper)
    .option('--margin <lengths>', 'PDF page margins, CSS shorthand such as 12mm or "18mm 14mm"', parseMargin)
    .option('--landscape', 'print PDFs in landscape')
    .option('--phase-break', 'start each phase on a new page')
    .option('--print-date', 'print the date (SOURCE_DATE_EPOCH, else front matter date) in the PDF footer')
    .option('--links <mode>', `links in the PDF: ${linkModes.join(', ')} (default: footnotes; the handout keeps live links)`, parseLinks)
    .option('--booklet', 'also write NAME.booklet.pdf: A5 pages two per A4 (Letter with --paper letter) sheet, to print duplex and fold')
    .option('--link-list <where>', `where the PDF lists link notes: ${linkLists.join(', ')} (default: phase)`, parseLinkList)
    .option('--timeout <seconds>', 'seconds one PDF may take to print, at most 3600 (default: 60)', parseTimeout)
    .option('--recycle-after <count>', 'PDFs one browser prints before it is replaced (default: 50)', parseRecycleAfter)
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

/**
 * The config and what the commands that model roadmaps without building them (`check`, `inspect`,
 * `mark`) model them with: the settings and plugins a build would use, through the public API.
 */
export async function loadModelOptions(flags: SettingFlags) {
  const { loadConfig, resolveModelOptions } = await import('../index.js');
  const { config, file } = await loadConfig(process.cwd(), flags.config);
  return { config, model: resolveModelOptions(config, flags, { configFile: file }) };
}

/** Build options from the config (found again each time) and the flags, through the public API. */
export async function resolveFromFlags(inputs: string[], flags: BuildCommandFlags) {
  const { loadConfig, resolveBuildOptions } = await import('../index.js');
  const { config, file } = await loadConfig(process.cwd(), flags.config);
  const options = resolveBuildOptions(config, { ...flags, inputs, formats: flags.format }, { configFile: file });
  return { options: { ...options, cache: flags.cache, workers: flags.workers }, configFile: file };
}
