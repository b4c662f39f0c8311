import type { Command } from 'commander';
import { loadModelOptions, withSettingOptions, type SettingFlags } from './build-flags.js';

/** `roadmap-press mark`: write ticks back into a roadmap. */
export function addMarkCommand(program: Command): void {
  withSettingOptions(program.command('mark'))
    .description('write ticks back into a roadmap: [x] for done, [~] for in progress, [ ] for undone')
    .argument('<file>', 'Markdown roadmap')
    .option('--done <ids...>', 'item ids to tick')
    .option('--undo <ids...>', 'item ids to untick')
    .option('--doing <ids...>', 'item ids to mark in progress ([~])')
    .option('--from <file>', 'take the ticks from a progress JSON file or a ticked PDF checklist')
    .action(async (file: string, options: SettingFlags & { done?: string[]; undo?: string[]; doing?: string[]; from?: string }) => {
      const { mark } = await import('../index.js');
      const { model } = await loadModelOptions(options);
      const { done, undo, doing, from } = options;
      const { changed, matched, dropped } = await mark(file, { done, undo, doing, from, ...model });
      for (const { from, to } of matched) console.error(`  ${from} → ${to} (matched: reworded or moved)`);
      for (const id of dropped) console.error(`  ${id} (dropped: no such item any more)`);
      console.error(
        changed.length === 0 ? `${file}: nothing changed` : `${file}: ${changed.length} ${changed.length === 1 ? 'item' : 'items'} updated`,
      );
    });
}
