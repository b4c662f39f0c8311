import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TemplateChoice } from '../render/load-renderers.js';
import type { BuildOptions } from './build-site.js';
import type { SettingLayers } from '../model/settings.js';
import type { RoadmapConfig } from '../config/config-schema.js';
import type { ModelOptions } from '../pipeline/load-processor.js';

/** What the command line says; `undefined` where a flag was not given. Same names and meanings as the build options. */
export type BuildFlags = Pick<
  BuildOptions,
  | 'inputs'
  | 'out'
  | 'formats'
  | 'browser'
  | 'template'
  | 'templates'
  | 'paper'
  | 'margin'
  | 'landscape'
  | 'phaseBreak'
  | 'printDate'
  | 'links'
  | 'linkList'
  | 'booklet'
  | 'browserUrl'
  | 'browserWs'
  | 'timeout'
  | 'recycleAfter'
> & {
  /** `--lang`, over front matter `lang`. */
  lang?: string;
  /** `--start YYYY-MM-DD`, over front matter `start`. */
  start?: string;
  /** `--weeks-per-phase N`. */
  weeksPerPhase?: number;
};

/**
 * Merge the config and the command line into build options. Precedence:
 * built-in defaults < config < front matter (applied per file) < flags.
 * Paths in the config are relative to the config file; flags, to `cwd`.
 */
export function resolveBuildOptions(
  config: RoadmapConfig,
  flags: BuildFlags,
  { cwd = process.cwd(), configFile = null }: { cwd?: string; configFile?: string | null } = {},
): BuildOptions {
  const base = configFile ? path.dirname(configFile) : cwd;
  const fromConfig = (value: string) => path.resolve(base, value);
  const content = config.content === undefined ? undefined : [config.content].flat().map(fromConfig);
  return {
    inputs: flags.inputs && flags.inputs.length > 0 ? flags.inputs : (content ?? [fromConfig('content')]),
    out: flags.out ?? (config.out ? fromConfig(config.out) : fromConfig('output')),
    formats: flags.formats ?? config.formats ?? ['html', 'pdf'],
    browser: flags.browser ?? (config.browser ? fromConfig(config.browser) : undefined),
    concurrency: config.concurrency,
    template: { ...toChoice(config.template), ...toChoice(flags.template) },
    templates: flags.templates ?? (config.templates ? fromConfig(config.templates) : defaultTemplates(base)),
    helpers: config.helpers ? fromConfig(config.helpers) : undefined,
    group: config.group,
    review: config.review,
    paper: flags.paper ?? config.paper,
    margin: flags.margin ?? config.margin,
    landscape: flags.landscape ?? config.landscape,
    phaseBreak: flags.phaseBreak ?? config.phaseBreak,
    printDate: flags.printDate ?? config.printDate,
    links: flags.links ?? config.links,
    linkList: flags.linkList ?? config.linkList,
    booklet: flags.booklet ?? config.booklet,
    browserUrl: flags.browserUrl ?? config.browserUrl,
    browserWs: flags.browserWs ?? config.browserWs,
    timeout: flags.timeout ?? config.timeout,
    recycleAfter: flags.recycleAfter ?? config.recycleAfter,
    cwd,
    ...resolveModelOptions(config, flags, { cwd, configFile }),
  };
}

/**
 * What every command that models roadmaps models them with: the per-roadmap settings and the
 * project's plugins (their names resolve from the config file's folder, else `cwd`). `build`,
 * `serve`, `merge`, `check`, `inspect` and `mark` all take them from here.
 */
export function resolveModelOptions(
  config: RoadmapConfig,
  flags: Pick<BuildFlags, 'lang' | 'start' | 'weeksPerPhase'>,
  { cwd = process.cwd(), configFile = null }: { cwd?: string; configFile?: string | null } = {},
): ModelOptions {
  const from = configFile ? path.dirname(configFile) : cwd;
  return {
    settings: resolveSettingLayers(config, flags),
    ...(config.remarkPlugins || config.rehypePlugins
      ? { plugins: { remark: config.remarkPlugins ?? [], rehype: config.rehypePlugins ?? [], from } }
      : {}),
  };
}

/** Per-roadmap settings around the front matter: the config's as defaults, the flags' as overrides. */
export function resolveSettingLayers(config: RoadmapConfig, flags: Pick<BuildFlags, 'lang' | 'start' | 'weeksPerPhase'>): SettingLayers {
  return {
    defaults: {
      // No default language: without a config `lang` it is detected from each roadmap's prose.
      lang: config.lang,
      start: config.start,
      weeksPerPhase: config.weeksPerPhase,
      weeksPerMonth: config.weeksPerMonth,
      labels: config.labels,
    },
    overrides: { lang: flags.lang, start: flags.start, weeksPerPhase: flags.weeksPerPhase },
  };
}

/** `"planner"` → both formats; `{pdf: "planner"}` → that format only. */
function toChoice(template: string | TemplateChoice | undefined): TemplateChoice {
  if (template === undefined) return {};
  if (typeof template === 'string') return { html: template, pdf: template };
  return Object.fromEntries(Object.entries(template).filter(([, name]) => name !== undefined));
}

/** A project's `templates/` folder next to its config (or in the working folder), when there is one. */
function defaultTemplates(base: string): string | undefined {
  const dir = path.join(base, 'templates');
  return existsSync(dir) ? dir : undefined;
}
