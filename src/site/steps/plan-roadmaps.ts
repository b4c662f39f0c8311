import { entryOf, readCache } from '../build-cache.js';
import type { BuildState } from '../build-state.js';
import { planRoadmap } from '../build-roadmap.js';
import { lockOutputFolder } from '../lock-output-folder.js';
import { mapLimit } from '../map-limit.js';

/** plan: take the output folder (one build at a time), read its cache, and read each roadmap to see what of it is stale. */
export async function planRoadmaps(state: BuildState): Promise<void> {
  // What a killed build left is cleaned up by the lock.
  state.unlock = await lockOutputFolder(state.out);
  state.cache = await readCache(state.out);
  const useCache = state.options.cache !== false;
  state.planned = await mapLimit(state.inputs, state.limits.plans, (input) =>
    planRoadmap(input, state.context, useCache ? entryOf(state.cache, input.name) : null),
  );
}
