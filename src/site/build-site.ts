import path from 'node:path';
import type { Diagnostic } from '../model/roadmap.js';
import { InterruptedError } from '../shared/errors.js';
import type { BuildOptions, BuildResult, BuiltRoadmap } from './build-options.js';
import { startBuild, type BuildState } from './build-state.js';
import { releaseEarlyBrowser } from './early-browser.js';
import { interruptedMessage } from './interrupted-message.js';
import { planRoadmaps } from './steps/plan-roadmaps.js';
import { pruneDeleted } from './steps/prune-deleted.js';
import { renderRoadmaps } from './steps/render-roadmaps.js';
import { saveCache } from './steps/save-cache.js';
import { startPrinting } from './steps/start-printing.js';
import { writeIndex } from './steps/write-index.js';
import { writeRoadmaps } from './steps/write-roadmaps.js';

export { defaultFormats, formats } from './build-options.js';
export type { BuildOptions, BuildResult, BuiltRoadmap, Format } from './build-options.js';

/** A step of the build: it reads what the steps before it left in the state and adds its own part. */
export type BuildStep = (state: BuildState) => Promise<void>;

/** The build, in order. Each step is a module of src/site/steps/. */
export const buildSteps: readonly BuildStep[] = [
  planRoadmaps, // lock the output folder, read the cache and every roadmap: what is stale
  startPrinting, // a printer when a checklist is stale, so each prints as soon as it is rendered
  renderRoadmaps, // model and render the stale roadmaps, all before any is written
  writeRoadmaps, // write each roadmap's files (its PDF once printed)
  pruneDeleted, // remove the outputs of roadmaps whose Markdown is gone
  writeIndex, // the index page
  saveCache, // last: the cache describes only what is on disk
];

/**
 * Build every roadmap into the output folder: `NAME.html` (the handout),
 * `NAME.pdf` (the checklist), optionally `NAME.ics`, and an `index.html`
 * linking them. Incremental: a cache in the output folder remembers what each
 * output was made from (Markdown, images, template, settings, tool version),
 * so unchanged outputs are not rendered or printed again, and the outputs of
 * deleted roadmaps are removed. One browser for the whole run, started only
 * when something needs printing; every file is written atomically. Content
 * problems are reported as diagnostics; only program errors (a missing input,
 * a broken template, no browser) throw.
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const state = await startBuild(options).catch(async (error: unknown) => {
    await releaseEarlyBrowser({ options });
    throw error;
  });
  const { signal } = state;
  const interrupt = () => void (state.printer !== options.printer && state.printer?.close());
  signal?.addEventListener('abort', interrupt, { once: true });
  try {
    signal?.throwIfAborted();
    for (const step of buildSteps) await step(state);
    await state.closing;
    const roadmaps = state.outcomes.map((outcome) => outcome.built);
    return {
      roadmaps,
      index: path.relative(state.cwd, state.indexFile),
      errors: count(roadmaps, 'error'),
      warnings: count(roadmaps, 'warning'),
      removed: state.removed,
    };
  } catch (error) {
    if (signal?.aborted && !(error instanceof InterruptedError)) {
      throw new InterruptedError(interruptedMessage, { cause: error });
    }
    throw error;
  } finally {
    signal?.removeEventListener('abort', interrupt);
    if (state.printer !== options.printer) await state.printer?.close();
    await releaseEarlyBrowser(state);
    await state.unlock?.();
  }
}

function count(roadmaps: BuiltRoadmap[], severity: Diagnostic['severity']): number {
  return roadmaps.reduce((sum, roadmap) => sum + roadmap.diagnostics.filter((d) => d.severity === severity).length, 0);
}
