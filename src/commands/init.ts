import type { Command } from 'commander';
import { parseTemplateName } from './flag-parsers.js';

/** `roadmap-press init`: scaffold a project. */
export function addInitCommand(program: Command): void {
  program
    .command('init')
    .description('scaffold a project: config, a sample roadmap, editable templates, a README')
    .argument('[dir]', 'folder to scaffold (default: the current one)')
    .option('-t, --template <name>', 'built-in template to copy and use: handout, checklist, planner, study-group', parseTemplateName)
    .action(async (dir: string | undefined, options: { template?: string }) => {
      const { init } = await import('../index.js');
      const written = await init({ dir, template: options.template });
      for (const file of written) console.error(`  ${file}`);
      console.error(`Created ${written.length} files. Build them with: roadmap-press build${dir ? ` (from ${dir})` : ''}`);
    });
}
