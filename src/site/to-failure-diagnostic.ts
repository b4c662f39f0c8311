import type { Diagnostic } from '../model/roadmap.js';
import { describeFsCode } from '../shared/describe-fs-error.js';

/** A diagnostic at the start of the file (for what has no better place). */
export function atStart(severity: Diagnostic['severity'], message: string, rule: string): Diagnostic {
  return { severity, message, line: 1, column: 1, rule };
}

/** A roadmap file that could not be read, as its diagnostic. */
export function readFailure(error: NodeJS.ErrnoException): Diagnostic {
  return atStart('error', `Cannot read this file: ${describeFsCode(error)}`, 'read');
}

/** An unexpected error while building or printing one roadmap, as its diagnostic: one line, no stack trace. */
export function unexpectedFailure(error: unknown, what: 'build' | 'print'): Diagnostic {
  const reason = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  // Printing can fail on what a template asks of Chromium; anything else unforeseen is a bug.
  const hint = what === 'print' ? '' : ' (a bug in roadmap-press, please report it)';
  return atStart(
    'error',
    `Cannot ${what} this roadmap: ${reason}${hint}; the other roadmaps are built`,
    what === 'print' ? 'print' : 'internal',
  );
}
