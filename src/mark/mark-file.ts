import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { processRoadmap } from '../pipeline/process-roadmap.js';
import { writeAtomic } from '../site/write-atomic.js';
import { applyMarks, type Mark } from './apply-marks.js';
import { readProgress } from './read-progress.js';

export interface MarkOptions {
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
}

/**
 * Write ticks back into a roadmap's Markdown, atomically. `from` is applied
 * first, then `done`, `undo` and `doing`. A roadmap that cannot be modelled is an error.
 */
export async function markFile(file: string, options: MarkOptions): Promise<MarkFileResult> {
  const source = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(error.code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${error.message}`);
  });
  const marks: Map<string, Mark> = options.from ? await readProgress(options.from) : new Map();
  for (const id of options.done ?? []) marks.set(id, true);
  for (const id of options.undo ?? []) marks.set(id, false);
  for (const id of options.doing ?? []) marks.set(id, 'doing');
  if (marks.size === 0) throw new InputError('Nothing to mark: give --done ID, --doing ID, --undo ID or --from FILE');

  const { roadmap, diagnostics } = await processRoadmap(source, file);
  if (!roadmap) {
    const first = diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    throw new InputError(`${file}:${first?.line ?? 1}:${first?.column ?? 1}: ${first?.message ?? 'cannot be read'}`);
  }
  const result = applyMarks(source, roadmap, marks);
  if (result.changed.length > 0) await writeAtomic(file, result.source);
  return { changed: result.changed };
}
