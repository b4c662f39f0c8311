import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { emptyCache } from '../build-cache.js';
import type { BuildState } from '../build-state.js';

/** prune: the next cache (the old one with this build's entries), without roadmaps whose Markdown is gone, and their outputs removed. */
export async function pruneDeleted(state: BuildState): Promise<void> {
  const next = emptyCache();
  Object.assign(next.entries, state.cache.entries);
  state.outcomes.forEach((outcome, index) => {
    if (outcome.entry) next.entries[state.inputs[index]!.name] = outcome.entry;
  });
  const current = new Set(state.inputs.map((input) => input.name));
  for (const [name, entry] of Object.entries(next.entries)) {
    if (current.has(name) || existsSync(entry.source)) continue;
    for (const output of Object.values(entry.outputs)) {
      const file = path.join(state.out, output.file);
      if (!file.startsWith(state.out + path.sep)) continue;
      await rm(file, { force: true });
      state.removed.push(path.relative(state.cwd, file));
    }
    delete next.entries[name];
  }
  state.next = next;
}
