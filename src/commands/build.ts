import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { cacheFile } from '../shared/cache-file.js';
import { resolveFromFlags, withBuildOptions, type BuildCommandFlags } from './build-flags.js';
import { parseWorkers } from './flag-parsers.js';
import { color, interruptOnSignals, report } from './terminal.js';
import { watchAndServe } from './watch-and-serve.js';

/** `roadmap-press build`: every roadmap to HTML, PDF (and ICS), once or on every change (`--watch`). */
export function addBuildCommand(program: Command): void {
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
      await buildOnce(inputs, flags);
    });
}

async function buildOnce(inputs: string[], flags: BuildCommandFlags): Promise<void> {
  const started = performance.now();
  // Chromium starts before the rest loads; from here on the build owns it (and closes it unless it prints).
  const prelaunched = shouldPrelaunch(flags)
    ? import('../print/prelaunch.js').then((module) => module.prelaunch(flags.browser))
    : undefined;
  // Should the API itself fail to load, the process exits, and with it (puppeteer kills it on exit) the early browser.
  const api = await import('../index.js');
  const progress = api.createProgress(process.stderr, color);
  const result = await (async () => {
    const { options } = await resolveFromFlags(inputs, flags);
    return api.build({
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
    // The config failed to load: the build never got the early browser.
    await api.closeEarlyBrowser(prelaunched);
    throw error;
  });
  progress.clear();
  for (const roadmap of result.roadmaps) report(api.formatDiagnostic, roadmap.source, roadmap.diagnostics);
  const failed = result.roadmaps.filter((roadmap) => roadmap.summary === null).length;
  if (!flags.quiet) {
    if (flags.verbose) for (const file of result.removed) console.error(`  ${file} (removed)`);
    console.error(api.formatBuildSummary(result, (performance.now() - started) / 1000));
  }
  if (result.errors > 0 || failed > 0) process.exitCode = 1;
}

/**
 * Start Chromium right away, before the rest loads, when a build will surely
 * print: PDFs wanted, nothing to connect to, and no cache (a first build, or
 * `--no-cache`). An unused early browser is closed by the build.
 */
function shouldPrelaunch(flags: BuildCommandFlags): boolean {
  if (flags.browserUrl || flags.browserWs) return false;
  if (!(flags.format ?? ['html', 'pdf']).includes('pdf')) return false;
  return flags.cache === false || !existsSync(path.resolve(flags.out ?? 'output', cacheFile));
}
