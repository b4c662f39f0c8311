import type { Command } from 'commander';
import { withBuildOptions, type BuildCommandFlags } from './build-flags.js';
import { parsePort } from './flag-parsers.js';
import { watchAndServe } from './watch-and-serve.js';

/** `roadmap-press serve`: build, serve the output on loopback, rebuild and reload on every change. */
export function addServeCommand(program: Command): void {
  withBuildOptions(
    program.command('serve').description('build, serve the output on 127.0.0.1 and rebuild and reload pages on every change'),
  )
    .option('-p, --port <port>', 'port to serve on; the next free one is taken when it is busy (default: 4000)', parsePort)
    .option('--host <host>', 'interface to listen on; anything but 127.0.0.1 exposes the site to your network', '127.0.0.1')
    .action(async (inputs: string[], flags: BuildCommandFlags & { port?: number; host: string }) => {
      await watchAndServe(inputs, flags, { port: flags.port ?? 4000, host: flags.host });
    });
}
