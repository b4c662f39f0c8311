import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { version } from '../shared/version.js';

/**
 * Write what is known of a crash (a bug in roadmap-press) to a file in the
 * temporary folder, so that the terminal gets one line and the report has
 * the stack, versions and command. Returns the file, or `null` when it could
 * not be written.
 */
export function writeCrashReport(error: unknown): string | null {
  const file = path.join(os.tmpdir(), `roadmap-press-crash-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.txt`);
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  const cause =
    error instanceof Error && error.cause !== undefined ? `\n\nCaused by: ${String((error.cause as Error)?.stack ?? error.cause)}` : '';
  const report = [
    `roadmap-press ${version} crashed`,
    `node ${process.version} on ${process.platform} ${process.arch}`,
    `command: ${process.argv.slice(2).join(' ')}`,
    `cwd: ${currentFolder()}`,
    '',
    `${detail}${cause}`,
    '',
  ].join('\n');
  try {
    writeFileSync(file, report, { mode: 0o600 });
    return file;
  } catch {
    return null;
  }
}

function currentFolder(): string {
  try {
    return process.cwd();
  } catch (error) {
    return `(unknown: ${String(error)})`;
  }
}
