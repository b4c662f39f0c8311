import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TemplateChoice } from '../render/load-renderers.js';
import type { ResolvedPlugins } from '../pipeline/load-user-plugins.js';
import type { RenderContext, RenderedRoadmap, RenderJob } from './build-roadmap.js';
import { fromErrorData, type ErrorData } from './transfer-error.js';

/** Most worker threads a build starts by default, however many cores there are. */
export const maxWorkers = 8;

/**
 * A worker's start-up (loading the pipeline and templates, warming up), in
 * seed-sized roadmaps (~16 ms each) it could have rendered meanwhile:
 * measured on 2 cores, where workers broke even at about 140 roadmaps.
 */
const startupInRoadmaps = 80;

/** Fewest roadmaps to render for workers to pay: they save `1 - 1/cores` of each roadmap's time, and cost their start-up. */
export function minJobsForWorkers(cores: number): number {
  return Math.ceil(startupInRoadmaps / (1 - 1 / cores));
}

/** What each worker starts with: how to load the build's renderers, and the plain-data rest of the render context. */
export interface WorkerSetup {
  templates: {
    formats: ('html' | 'pdf')[];
    template: TemplateChoice | undefined;
    templatesDir: string | undefined;
    /** The helpers module's path: functions cannot be sent to a thread, a module can be imported by each. */
    helpers: string | undefined;
  };
  context: Omit<RenderContext, 'handout' | 'checklist' | 'processor'>;
  /** The project's plugins, found on disk: each worker imports them itself. */
  plugins?: Pick<ResolvedPlugins, 'remark' | 'rehype'>;
}

/** A worker's answer to one job: the rendered roadmap, or what went wrong. */
export type WorkerReply = { id: number; rendered: RenderedRoadmap } | { id: number; error: ErrorData };

/**
 * How many worker threads render `jobs` roadmaps; 0: the main thread does.
 * `requested` (option `workers`) is followed as given; by default, one per
 * core (at most {@link maxWorkers}) when there are several cores and enough
 * roadmaps for the workers to pay (160 on 2 cores, 107 on 4, 92 on 8).
 */
export function countWorkers(requested: number | undefined, jobs: number): number {
  if (requested !== undefined) return Math.min(requested, jobs);
  const cores = Math.min(os.availableParallelism(), maxWorkers);
  return cores > 1 && jobs >= minJobsForWorkers(cores) ? Math.min(cores, jobs) : 0;
}

/**
 * Model and render roadmaps on `size` worker threads, each with its own
 * renderers; the results keep the order of `jobs`, and `onRendered` hears of
 * each as it arrives. The first failure (its
 * error rebuilt with its class and message) or an abort rejects, and every
 * worker has ended before this returns or throws.
 */
export async function renderInWorkers(
  jobs: readonly RenderJob[],
  setup: WorkerSetup,
  {
    size,
    signal,
    onRendered,
  }: { size: number; signal?: AbortSignal | undefined; onRendered?: (rendered: RenderedRoadmap, index: number) => void },
): Promise<RenderedRoadmap[]> {
  signal?.throwIfAborted();
  const results = new Array<RenderedRoadmap>(jobs.length);
  const workers: Worker[] = [];
  let abort = () => {};
  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown) => {
        settled = true;
        reject(error);
      };
      abort = () => fail(signal?.reason);
      signal?.addEventListener('abort', abort, { once: true });
      let next = 0;
      let done = 0;
      if (jobs.length === 0) resolve();
      const send = (worker: Worker) => {
        if (settled || next >= jobs.length) return;
        const id = next++;
        // Only what rendering needs crosses over (not the roadmap's cache entry).
        const { input, file, source, stale, failure } = jobs[id]!;
        worker.postMessage({ id, job: { input, file, source, stale, failure } satisfies RenderJob });
      };
      for (let index = 0; index < Math.min(size, jobs.length); index += 1) {
        const worker = startWorker(setup);
        workers.push(worker);
        worker.on('message', (reply: WorkerReply) => {
          if ('error' in reply) return fail(fromErrorData(reply.error));
          results[reply.id] = reply.rendered;
          onRendered?.(reply.rendered, reply.id);
          done += 1;
          if (done === jobs.length) {
            settled = true;
            resolve();
          } else send(worker);
        });
        worker.on('error', fail);
        worker.on('messageerror', fail);
        worker.on('exit', (code) => fail(new Error(`A render worker stopped before the build was rendered (exit code ${code})`)));
        // Two jobs each, so that a worker has the next one at hand while this thread takes in its last result.
        send(worker);
        send(worker);
      }
    });
  } finally {
    signal?.removeEventListener('abort', abort);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}

/**
 * Rendering allocates many short-lived trees (a 7 KB roadmap, about 17 MB): a young generation of
 * 192 MB (semi-spaces of 64 MB, as `node --max-semi-space-size=64` gives the command line) collects
 * them far less often than V8's default.
 */
const resourceLimits = { maxYoungGenerationSizeMb: 192 };

/** A worker running `render-worker` next to this module; from the TypeScript sources (the tests), through tsx. */
function startWorker(setup: WorkerSetup): Worker {
  const here = fileURLToPath(import.meta.url);
  const entry = pathToFileURL(path.join(path.dirname(here), `render-worker${path.extname(here)}`)).href;
  if (path.extname(here) !== '.ts') return new Worker(new URL(entry), { workerData: setup, resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData: setup, resourceLimits });
}
