#!/usr/bin/env -S node --max-semi-space-size=64
/**
 * The command line: it only wires the commands (src/commands/, one module each), which parse their
 * flags with the config's own schemas and load the public API (src/index.ts) when they run, so that
 * `--help` and `--version` stay fast.
 */
import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { addBuildCommand } from './commands/build.js';
import { addCheckCommand } from './commands/check.js';
import { addInitCommand } from './commands/init.js';
import { addInspectCommand } from './commands/inspect.js';
import { addMarkCommand } from './commands/mark.js';
import { addMergeCommand } from './commands/merge.js';
import { addServeCommand } from './commands/serve.js';
import { color, paint } from './commands/terminal.js';
import { InterruptedError, RoadmapPressError } from './shared/errors.js';
import { version } from './shared/version.js';

const program = new Command('roadmap-press')
  .description('Turn Markdown learning roadmaps into a PDF checklist and a one-page HTML handout.')
  .version(version, '-v, --version')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(color ? pc.red(text) : text) });

// In the order `--help` lists them.
for (const addCommand of [
  addBuildCommand,
  addServeCommand,
  addInitCommand,
  addInspectCommand,
  addCheckCommand,
  addMergeCommand,
  addMarkCommand,
])
  addCommand(program);

/** Run the command; every failure ends as one line on stderr and an exit code. */
async function run(): Promise<void> {
  try {
    await program.parseAsync();
  } catch (error) {
    if (error instanceof InterruptedError) {
      console.error(`${paint('interrupted')} ${error.message}`);
      process.exitCode = 130;
    } else if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
    } else if (error instanceof RoadmapPressError) {
      console.error(`${paint('error')} ${error.message}`);
      process.exitCode = 1;
    } else {
      // One line here; the stack and versions go to a report file to attach to a bug report.
      const { writeCrashReport } = await import('./report/write-crash-report.js');
      const report = writeCrashReport(error);
      const reason = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
      console.error(
        `roadmap-press crashed, this is a bug: ${reason} (${report ? `full report in ${report}` : 'no report could be written'}; please report it)`,
      );
      process.exitCode = 1;
    }
  }
}

// No top-level await: the bundle is a CommonJS script, whose compiled code V8 can cache (scripts/bundle-cli.mjs).
void run().then(() => {
  // Every command has finished its work (a build closes its browser and settles every write before it
  // returns). A library timer left behind, such as puppeteer's 30 s wait for a page whose browser was
  // closed while it opened, must not keep the process alive long after the summary: what is still
  // pending (puppeteer removing its browser profile) gets a moment, then the process exits.
  setTimeout(() => process.exit(), 2000).unref();
});
