import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { RoadmapItem } from '../model/roadmap.js';
import { processRoadmap } from '../pipeline/process-roadmap.js';
import { writeAtomic } from '../site/write-atomic.js';
import { matchProgress, type MatchedId } from '../paper/match-progress.js';
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
  /** `from` ids of items since reworded or moved, and the item each was matched to (see `matchProgress`). */
  matched: MatchedId[];
  /** `from` ids that match no item of the roadmap: their ticks are dropped. */
  dropped: string[];
}

/**
 * Write ticks back into a roadmap's Markdown, atomically. `from` is applied
 * first, then `done`, `undo` and `doing`. A roadmap that cannot be modelled is an error.
 */
export async function markFile(file: string, options: MarkOptions): Promise<MarkFileResult> {
  const source = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(error.code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${error.message}`);
  });
  const saved: Map<string, Mark> = options.from ? await readProgress(options.from) : new Map();
  if (saved.size === 0 && !options.done?.length && !options.undo?.length && !options.doing?.length) {
    throw new InputError('Nothing to mark: give --done ID, --doing ID, --undo ID or --from FILE');
  }

  const { roadmap, diagnostics } = await processRoadmap(source, file);
  if (!roadmap) {
    const first = diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    throw new InputError(`${file}:${first?.line ?? 1}:${first?.column ?? 1}: ${first?.message ?? 'cannot be read'}`);
  }
  // Ticks from a file follow items reworded or moved since it was saved; explicit ids must exist.
  const ids: string[] = [];
  const collect = (item: RoadmapItem) => {
    ids.push(item.id);
    for (const child of item.children) collect(child);
  };
  for (const part of [...roadmap.phases, ...roadmap.sections])
    for (const topic of part.topics) for (const item of topic.items) collect(item);
  const { marks, matched, dropped } = matchProgress(saved, ids);
  for (const id of options.done ?? []) marks.set(id, true);
  for (const id of options.undo ?? []) marks.set(id, false);
  for (const id of options.doing ?? []) marks.set(id, 'doing');
  const result = applyMarks(source, roadmap, marks);
  if (result.changed.length > 0) await writeAtomic(file, result.source);
  return { changed: result.changed, matched, dropped };
}
