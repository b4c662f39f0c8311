import path from 'node:path';
import { toFsError } from '../../shared/describe-fs-error.js';
import { cacheFile, writeCache } from '../build-cache.js';
import type { BuildState } from '../build-state.js';

/** save cache: last, so that the cache describes only what is on disk. */
export async function saveCache(state: BuildState): Promise<void> {
  await writeCache(state.out, state.next).catch((error: unknown) => {
    throw toFsError('write', path.join(state.out, cacheFile), error);
  });
}
