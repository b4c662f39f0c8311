import path from 'node:path';
import pc from 'picocolors';
import { resolveFromFlags, type BuildCommandFlags } from './build-flags.js';
import { paint, report } from './terminal.js';

/** `build --watch` and `serve`: rebuild on changes until Ctrl-C; `serve` also serves the output with live reload. */
export async function watchAndServe(inputs: string[], flags: BuildCommandFlags, serve: { port: number; host: string } | null) {
  const first = await resolveFromFlags(inputs, flags);
  const cwd = process.cwd();
  const { formatBuildSummary, formatDiagnostic, loadServe } = await import('../index.js');
  const { startDevServer, errorLines, watchSite } = await loadServe();
  const server = serve
    ? await startDevServer({ root: path.resolve(cwd, first.options.out ?? 'output'), host: serve.host, port: serve.port })
    : null;
  const watcher = watchSite({
    resolveOptions: async () => (await resolveFromFlags(inputs, flags)).options,
    extraPaths: first.configFile ? [first.configFile] : [],
    onEvent: (event) => {
      if (event.type === 'failed') {
        console.error(`${paint('error')} ${event.message}`);
        server?.notify({ type: 'build-error', message: event.message });
        return;
      }
      if (event.type === 'pdf-stale') {
        for (const name of event.names) server?.notify({ type: 'pdf', name, state: 'stale' });
        return;
      }
      const { result } = event;
      // Content diagnostics come with the HTML; the PDF pass adds only what printing found.
      for (const roadmap of result.roadmaps) {
        report(
          formatDiagnostic,
          roadmap.source,
          event.phase === 'html' ? roadmap.diagnostics : roadmap.diagnostics.filter((d) => d.rule === 'offline' || d.rule === 'print'),
        );
      }
      if (event.phase === 'pdf' && !flags.quiet) console.error(formatBuildSummary(result, event.seconds));
      const errors = errorLines(result, (file, diagnostic) => formatDiagnostic(file, diagnostic, false));
      if (errors.length > 0) server?.notify({ type: 'build-error', message: errors.join('\n') });
      else server?.notify({ type: 'build-ok' });
      if (event.pages.length > 0) server?.notify({ type: 'reload', pages: event.pages });
      if (event.phase === 'pdf')
        for (const roadmap of result.roadmaps) {
          if (roadmap.summary)
            server?.notify({
              type: 'pdf',
              name: roadmap.name,
              state: roadmap.outputs.some((output) => output.endsWith('.pdf')) ? 'ready' : 'failed',
            });
        }
    },
  });
  await watcher.ready;
  if (server)
    console.error(
      `Serving ${server.url} (Ctrl-C to stop)${serve!.host !== '127.0.0.1' && serve!.host !== 'localhost' ? pc.yellow(' — reachable from your network') : ''}`,
    );
  else console.error('Watching for changes (Ctrl-C to stop)');
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await watcher.close();
  await server?.close();
}
