import type { Command } from 'commander';
import { loadModelOptions, withSettingOptions, type SettingFlags } from './build-flags.js';
import { parseReporter } from './flag-parsers.js';
import { color } from './terminal.js';

/** `roadmap-press check`: model and lint roadmaps, print every diagnostic. */
export function addCheckCommand(program: Command): void {
  withSettingOptions(program.command('check'))
    .description('model and lint roadmaps: print every diagnostic, exit 1 on errors')
    .argument('<files...>', 'Markdown roadmaps or folders of them')
    .option('--strict', 'exit 1 on warnings too')
    .option('--reporter <name>', 'text (default) or json', parseReporter, 'text')
    .action(async (files: string[], options: SettingFlags & { strict?: boolean; reporter: 'text' | 'json' }) => {
      const { check, formatDiagnostic } = await import('../index.js');
      const { model } = await loadModelOptions(options);
      const result = await check(files, model);
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
}
