import type { Command } from 'commander';
import { loadModelOptions, withSettingOptions, type SettingFlags } from './build-flags.js';
import { report } from './terminal.js';

/** `roadmap-press inspect`: the enriched model of one roadmap. */
export function addInspectCommand(program: Command): void {
  withSettingOptions(program.command('inspect'))
    .description('print the enriched roadmap model of one file')
    .argument('<file>', 'Markdown roadmap')
    .option('--json', 'print the model as JSON')
    .action(async (file: string, options: SettingFlags & { json?: boolean }) => {
      const { formatDiagnostic, inspect, toViewModel } = await import('../index.js');
      const { config, model } = await loadModelOptions(options);
      const { roadmap, diagnostics } = await inspect(file, model);
      report(formatDiagnostic, file, diagnostics);
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
}
