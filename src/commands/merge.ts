import path from 'node:path';
import type { Command } from 'commander';
import { resolveFromFlags, withBuildOptions, type BuildCommandFlags } from './build-flags.js';
import { collectMember } from './flag-parsers.js';
import { interruptOnSignals, report } from './terminal.js';

/** `roadmap-press merge`: the study group's handout and PDF with each member's progress ticked. */
export function addMergeCommand(program: Command): void {
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
      const { formatBuildSummary, formatDiagnostic, merge } = await import('../index.js');
      const result = await merge({
        ...options,
        roadmap,
        members: flags.member,
        configDir: configFile ? path.dirname(configFile) : undefined,
        signal: interruptOnSignals(),
      });
      for (const built of result.roadmaps) report(formatDiagnostic, built.source, built.diagnostics);
      if (!flags.quiet) {
        for (const built of result.roadmaps) for (const output of built.outputs) console.error(`  ${output}`);
        console.error(formatBuildSummary(result, (performance.now() - started) / 1000));
      }
      if (result.errors > 0 || result.roadmaps.some((built) => built.summary === null)) process.exitCode = 1;
    });
}
