/**
 * A render worker thread: loads the build's templates itself, then models and
 * renders each roadmap the main thread sends, answering with plain data (or
 * the error, as data). See `render-in-workers.ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadHelpers } from '../render/load-helpers.js';
import { loadRenderers } from '../render/load-renderers.js';
import { toProcessor } from '../pipeline/load-processor.js';
import { renderRoadmap, type RenderJob } from './build-roadmap.js';
import type { WorkerSetup, WorkerReply } from './render-in-workers.js';
import { toErrorData } from './transfer-error.js';

const port = parentPort!;
const setup = workerData as WorkerSetup;
const { helpers, ...templates } = setup.templates;
const renderers = (async () => loadRenderers({ ...templates, helpers: helpers === undefined ? undefined : await loadHelpers(helpers) }))();
// The same project plugins as the main thread's pipeline, imported again here (functions cannot be sent).
const processor = setup.plugins ? toProcessor(setup.plugins) : undefined;
// A failure is reported with the first roadmap, not as an unhandled rejection.
renderers.catch(() => undefined);
processor?.catch(() => undefined);

port.on('message', async ({ id, job }: { id: number; job: RenderJob }) => {
  let reply: WorkerReply;
  try {
    const { html, pdf } = await renderers;
    const pipeline = await processor;
    reply = {
      id,
      rendered: await renderRoadmap(job, { ...setup.context, ...(pipeline ? { processor: pipeline } : {}), handout: html, checklist: pdf }),
    };
  } catch (error) {
    reply = { id, error: toErrorData(error) };
  }
  try {
    port.postMessage(reply);
  } catch (error) {
    // Something in the result that cannot be cloned: a bug, reported as such.
    port.postMessage({ id, error: toErrorData(error) } satisfies WorkerReply);
  }
});
