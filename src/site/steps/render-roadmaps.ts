import path from 'node:path';
import { renderRoadmap, type RenderedRoadmap } from '../build-roadmap.js';
import type { BuildState } from '../build-state.js';
import { mapLimit } from '../map-limit.js';
import { countWorkers, renderInWorkers, type WorkerSetup } from '../render-in-workers.js';

/**
 * render: model and render every stale roadmap, on worker threads or the main thread, before any is
 * written (a template that fails on any of them writes nothing); each checklist starts printing as
 * soon as it is rendered.
 */
export async function renderRoadmaps(state: BuildState): Promise<void> {
  const { options, context, signal } = state;
  const onRendered = (render: RenderedRoadmap) => {
    if (render.pdf) state.pdfs?.start(render.pdf);
  };
  const stale = state.planned.filter((roadmap) => roadmap.stale.length > 0);
  // Helpers given as functions cannot be sent to a worker thread; a helpers module can be imported by each.
  const workers = typeof options.helpers === 'object' ? 0 : countWorkers(options.workers, stale.length);
  const renders: RenderedRoadmap[] =
    workers > 0
      ? await renderInWorkers(stale, toWorkerSetup(state), { size: workers, signal, onRendered })
      : await mapLimit(stale, state.limits.mainThreadRenders, async (roadmap) => {
          const render = await renderRoadmap(roadmap, context);
          onRendered(render);
          // Rendering never waits on I/O: give the printer's messages to and from Chromium a turn.
          await new Promise((resolve) => setImmediate(resolve));
          return render;
        });
  state.renders = new Map(stale.map((roadmap, index) => [roadmap, renders[index]!]));
  // Everything to print is queued: the browser closes as soon as the last document is printed (unless the caller owns it).
  const printing = options.printer ? null : state.printer;
  state.closing = printing?.drained().then(() => printing.close());
}

/** What each worker thread needs to load the same renderers and render with the same settings: plain data. */
function toWorkerSetup({ options, pages, templates, cwd, context, plugins }: BuildState): WorkerSetup {
  const { settings, group, layout, paper, review, groupProgress, epoch } = context;
  return {
    templates: {
      formats: pages,
      template: options.template,
      templatesDir: templates,
      helpers: typeof options.helpers === 'string' ? path.resolve(cwd, options.helpers) : undefined,
    },
    context: { settings, group, layout, paper, review, groupProgress, epoch },
    ...(plugins ? { plugins: { remark: plugins.remark, rehype: plugins.rehype } } : {}),
  };
}
