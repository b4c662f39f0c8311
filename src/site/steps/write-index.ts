import { toFsError } from '../../shared/describe-fs-error.js';
import { generator } from '../../shared/version.js';
import { writeAtomic } from '../../shared/write-atomic.js';
import { toIndexView } from '../../view/to-index-view.js';
import { entryOf } from '../build-cache.js';
import { outputFiles } from '../build-roadmap.js';
import type { BuildState } from '../build-state.js';

/** index: the index page linking every roadmap; one that failed this time is listed with its last good outputs, which are still there. */
export async function writeIndex(state: BuildState): Promise<void> {
  const listed = state.outcomes.map(({ built }) => {
    const entry = built.summary ? undefined : entryOf(state.next, built.name);
    return entry ? { ...built, summary: entry.summary, outputs: outputFiles(entry, state.context) } : built;
  });
  await writeAtomic(state.indexFile, state.renderers.index(toIndexView(listed, generator)).html, { signal: state.signal }).catch(
    (error: unknown) => {
      throw toFsError('write', state.indexFile, error);
    },
  );
}
