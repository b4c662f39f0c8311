import { InterruptedError } from '../../shared/errors.js';
import { reuseRoadmap, toWriter } from '../build-roadmap.js';
import type { BuildState, RoadmapOutcome } from '../build-state.js';
import { interruptedMessage } from '../interrupted-message.js';

/**
 * write: write each rendered roadmap (its PDF once printed) and take the up-to-date ones as they are.
 * Every roadmap settles (and removes its temporary files) before this returns or throws.
 */
export async function writeRoadmaps(state: BuildState): Promise<void> {
  const { context, signal, options } = state;
  const jobs = state.planned.map((roadmap) => {
    const render = state.renders.get(roadmap);
    return render ? { reused: null, write: toWriter(roadmap, render, context) } : { reused: reuseRoadmap(roadmap, context), write: null };
  });
  let done = 0;
  const settled = await Promise.allSettled(
    jobs.map(async (job): Promise<RoadmapOutcome> => {
      const outcome = job.reused
        ? { built: job.reused, entry: undefined }
        : await job.write!({ makePdf: state.pdfs?.make ?? null, signal });
      done += 1;
      options.onProgress?.({ done, total: jobs.length, roadmap: outcome.built });
      return outcome;
    }),
  );
  if (signal?.aborted) throw new InterruptedError(interruptedMessage);
  const failure = settled.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  state.outcomes = settled.map((outcome) => (outcome as PromiseFulfilledResult<RoadmapOutcome>).value);
}
