import pc from 'picocolors';
import type { Diagnostic, formatDiagnostic } from '../index.js';

/** Colours on stderr only when it is a terminal that has them (`NO_COLOR` turns them off). */
export const color = pc.isColorSupported && process.stderr.isTTY === true;

/** `error` in red, or as it is without colours. */
export const paint = (word: 'error' | 'interrupted', colour: (text: string) => string = word === 'error' ? pc.red : pc.yellow) =>
  color ? colour(word) : word;

/** Print a file's diagnostics on stderr, one `file:line:column severity message [rule]` line each (`format`: the API's `formatDiagnostic`). */
export function report(format: typeof formatDiagnostic, file: string, diagnostics: Diagnostic[]): void {
  for (const diagnostic of diagnostics) console.error(format(file, diagnostic, color));
}

/** SIGINT/SIGTERM abort the build: it closes the browser and removes its temporary files; a second signal exits at once. */
export function interruptOnSignals(): AbortSignal {
  const interruption = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interruption.signal.aborted) process.exit(130);
      interruption.abort();
    });
  }
  return interruption.signal;
}
