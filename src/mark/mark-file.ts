import { readFile, realpath, stat } from 'node:fs/promises';
import { describeFsCode } from '../describe-fs-error.js';
import { InputError } from '../errors.js';
import { processRoadmap } from '../pipeline/process-roadmap.js';
import { writeAtomic } from '../site/write-atomic.js';
import { applyMarks } from './apply-marks.js';
import { readProgress } from './read-progress.js';

export interface MarkOptions {
  /** Item ids to tick. */
  done?: string[];
  /** Item ids to untick. */
  undo?: string[];
  /** A progress JSON file or a ticked PDF checklist to take the ticks from. */
  from?: string;
}

export interface MarkFileResult {
  /** Ids whose box changed. */
  changed: string[];
}

/**
 * Write ticks back into a roadmap's Markdown, atomically, never losing a
 * byte: a symbolic link is written through to its target, the file keeps its
 * permissions, and nothing is written when the file is read-only, is not
 * UTF-8 text, or changed while marking (compared just before the new file
 * replaces it). `from` is applied first, then `done` and `undo`. A roadmap
 * that cannot be modelled is an error.
 */
export async function markFile(file: string, options: MarkOptions): Promise<MarkFileResult> {
  const target = await realpath(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(error.code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${describeFsCode(error)}`);
  });
  const [bytes, info] = await Promise.all([readFile(target), stat(target)]).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`Cannot read ${file}: ${describeFsCode(error)}`);
  });
  const source = decodeUtf8(bytes, file);
  const marks = options.from ? await readProgress(options.from) : new Map<string, boolean>();
  for (const id of options.done ?? []) marks.set(id, true);
  for (const id of options.undo ?? []) marks.set(id, false);
  if (marks.size === 0) throw new InputError('Nothing to mark: give --done ID, --undo ID or --from FILE');

  const { roadmap, diagnostics } = await processRoadmap(source, file);
  if (!roadmap) {
    const first = diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    throw new InputError(`${file}:${first?.line ?? 1}:${first?.column ?? 1}: ${first?.message ?? 'cannot be read'}`);
  }
  const result = applyMarks(source, roadmap, marks);
  if (result.changed.length === 0) return { changed: [] };
  if ((info.mode & 0o222) === 0) throw new InputError(`${file} is read-only: nothing written (make it writable to mark it)`);
  await writeAtomic(target, result.source, {
    mode: info.mode & 0o7777,
    beforeRename: async () => {
      const now = await readFile(target).catch(() => null);
      if (now === null || !now.equals(bytes)) {
        throw new InputError(`${file} changed while it was being marked: nothing written, run mark again`);
      }
    },
  });
  return { changed: result.changed };
}

/** The file's text, or an error at the first line that is not UTF-8 (decoding it would replace characters on untouched lines). */
function decodeUtf8(bytes: Buffer, file: string): string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoder.decode(bytes);
  } catch {
    // A newline byte never occurs inside a UTF-8 character: lines can be checked one by one.
    let line = 1;
    for (let start = 0; start <= bytes.length; line += 1) {
      const end = bytes.indexOf(0x0a, start);
      const stop = end === -1 ? bytes.length : end;
      try {
        decoder.decode(bytes.subarray(start, stop));
      } catch {
        break;
      }
      start = stop + 1;
    }
    throw new InputError(`${file}:${line}:1: not UTF-8 text: nothing written, convert the file to UTF-8 to mark it`);
  }
}
