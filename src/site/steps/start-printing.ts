import type { BuildState } from '../build-state.js';
import { startEarly } from '../early-pdf-maker.js';
import { takeEarlyBrowser } from '../early-browser.js';

/**
 * print: when a checklist is stale, get the printer ready (the caller's, or a new one on the early
 * browser or a browser found now), so that each checklist prints as soon as it is rendered, while the
 * others render. Chromium is found (or its absence reported) only then, and an HTML-only build never
 * loads the printing code.
 */
export async function startPrinting(state: BuildState): Promise<void> {
  if (!state.planned.some((roadmap) => roadmap.stale.includes('pdf'))) return;
  const { options } = state;
  const [{ createPrinter }, { findBrowser }, { createPdfMaker }] = await Promise.all([
    import('../../print/create-printer.js'),
    import('../../print/find-browser.js'),
    import('../make-pdf.js'),
  ]);
  const connect = options.browserWs ?? options.browserUrl;
  state.printer =
    options.printer ??
    createPrinter({
      executablePath: connect ? undefined : findBrowser(options.browser),
      browserUrl: options.browserUrl,
      browserWs: options.browserWs,
      concurrency: options.concurrency,
      recycleAfter: options.recycleAfter,
      timeout: options.timeout === undefined ? undefined : options.timeout * 1000,
      prelaunched: connect ? undefined : takeEarlyBrowser(state),
    });
  state.printer.warm().catch(() => undefined);
  state.pdfs = startEarly(createPdfMaker(state.printer, state.context.layout, state.context.paper));
}
