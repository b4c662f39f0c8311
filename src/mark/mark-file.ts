import { readFile, realpath, stat } from 'node:fs/promises';
import { describeFsCode } from '../shared/describe-fs-error.js';
import { InputError } from '../shared/errors.js';
import { itemsOf } from '../model/flatten-items.js';
import { loadProcessor, type ModelOptions } from '../pipeline/load-processor.js';
import { processRoadmap } from '../pipeline/process-roadmap.js';
import { writeAtomic } from '../shared/write-atomic.js';
import { matchProgress, type MatchedId } from '../view/match-progress.js';
import { applyMarks, type Mark } from './apply-marks.js';
import { readProgress } from './read-progress.js';

/** What to mark; the roadmap is modelled with the `settings` and `plugins` a build uses, so that its ids are the build's. */
export interface MarkOptions extends ModelOptions {
  /** Item ids to tick. */
  done?: string[];
  /** Item ids to untick. */
  undo?: string[];
  /** Item ids to mark in progress (`[~]`). */
  doing?: string[];
  /** A progress JSON file or a ticked PDF checklist to take the ticks from. */
  from?: string;
}

export interface MarkFileResult {
  /** Ids whose box changed. */
  changed: string[];
  /** `from` ids of items since reworded or moved, and the item each was matched to (see `matchProgress`). */
  matched: MatchedId[];
  /** `from` ids that match no item of the roadmap: their ticks are dropped. */
  dropped: string[];
}

/**
 * Write ticks back into a roadmap's Markdown, atomically, never losing a
 * byte: a symbolic link is written through to its target, the file keeps its
 * permissions, and nothing is written when the file is read-only, is not
 * UTF-8 text, or changed while marking (compared just before the new file
 * replaces it). `from` is applied first, then `done`, `undo` and `doing`. A
 * roadmap that cannot be modelled is an error.
 */
export async function markFile(file: string, options: MarkOptions): Promise<MarkFileResult> {
  const target = await realpath(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(error.code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${describeFsCode(error)}`);
  });
  const [bytes, info] = await Promise.all([readFile(target), stat(target)]).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`Cannot read ${file}: ${describeFsCode(error)}`);
  });
  const source = decodeUtf8(bytes, file);
  const saved: Map<string, Mark> = options.from ? await readProgress(options.from) : new Map();
  if (saved.size === 0 && !options.done?.length && !options.undo?.length && !options.doing?.length) {
    throw new InputError('Nothing to mark: give --done ID, --doing ID, --undo ID or --from FILE');
  }

  const { processor } = await loadProcessor(options.plugins);
  const { roadmap, diagnostics } = await processRoadmap(source, file, options.settings, processor);
  if (!roadmap) {
    const first = diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    throw new InputError(`${file}:${first?.line ?? 1}:${first?.column ?? 1}: ${first?.message ?? 'cannot be read'}`);
  }
  // Ticks from a file follow items reworded or moved since it was saved; explicit ids must exist.
  const ids = itemsOf([...roadmap.phases, ...roadmap.sections]).map((item) => item.id);
  const { marks, matched, dropped } = matchProgress(saved, ids);
  for (const id of options.done ?? []) marks.set(id, true);
  for (const id of options.undo ?? []) marks.set(id, false);
  for (const id of options.doing ?? []) marks.set(id, 'doing');
  const result = applyMarks(source, roadmap, marks);
  if (result.changed.length === 0) return { changed: [], matched, dropped };
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
  return { changed: result.changed, matched, dropped };
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
