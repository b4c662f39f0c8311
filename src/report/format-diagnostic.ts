import pc from 'picocolors';
import type { Diagnostic } from '../model/roadmap.js';

/**
 * One diagnostic as one line, the way compilers print them:
 * `content/rust.md:14:1 warning Unexpected week range 4-3, expected start ≤ end [week-range]`.
 */
export function formatDiagnostic(file: string, diagnostic: Diagnostic, color = false): string {
  const place = `${file}:${diagnostic.line ?? 1}:${diagnostic.column ?? 1}`;
  const paint = color ? pc : pc.createColors(false);
  const severity =
    diagnostic.severity === 'error'
      ? paint.red(diagnostic.severity)
      : diagnostic.severity === 'warning'
        ? paint.yellow(diagnostic.severity)
        : paint.blue(diagnostic.severity);
  const rule = diagnostic.rule ? ` ${paint.dim(`[${diagnostic.rule}]`)}` : '';
  return `${paint.bold(place)} ${severity} ${diagnostic.message}${rule}`;
}
