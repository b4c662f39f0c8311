import path from 'node:path';
import type { Paper } from '../print/page-layout.js';
import type { Format, BuildOptions } from '../site/build-site.js';
import type { RoadmapConfig } from './config-schema.js';

/** What the command line says; `undefined` where a flag was not given. */
export interface BuildFlags {
  inputs?: string[];
  out?: string;
  formats?: Format[];
  browser?: string;
  lang?: string;
  paper?: Paper;
  margin?: string;
  landscape?: boolean;
  phaseBreak?: boolean;
  printDate?: boolean;
  browserUrl?: string;
  browserWs?: string;
  timeout?: number;
  recycleAfter?: number;
}

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
    paper: flags.paper ?? config.paper,
    margin: flags.margin ?? config.margin,
    landscape: flags.landscape ?? config.landscape,
    phaseBreak: flags.phaseBreak ?? config.phaseBreak,
    printDate: flags.printDate ?? config.printDate,
    browserUrl: flags.browserUrl ?? config.browserUrl,
    browserWs: flags.browserWs ?? config.browserWs,
    timeout: flags.timeout ?? config.timeout,
    recycleAfter: flags.recycleAfter ?? config.recycleAfter,
    cwd,
    settings: {
      defaults: { lang: config.lang ?? 'en' },
      overrides: { lang: flags.lang },
    },
  };
}
