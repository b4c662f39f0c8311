import type { Diagnostic } from '../model/roadmap.js';
import type { ViewModel } from '../model/to-view-model.js';
import type { PageLayout } from '../print/page-layout.js';
import type { Render, RenderedDocument } from '../render/create-renderer.js';
import { resolveImages } from './resolve-images.js';
import { toChecklistView, toFieldPrefix } from './to-checklist-view.js';

/** Where a roadmap came from: its folder (images load from it) and its fixed date. */
export interface PdfSource {
  baseDir: string;
  date: Date | null;
}

/** A roadmap's checklist, rendered and ready to print. */
export interface PreparedPdf {
  view: ViewModel;
  document: RenderedDocument;
  source: PdfSource;
  diagnostics: Diagnostic[];
  /** Local image files it embeds (or tried to). */
  files: string[];
  /** The links of its checkboxes start with this (secret) prefix: only they become form fields. */
  fieldPrefix: string;
}

/**
 * Render one roadmap's checklist without printing it: local images embedded
 * as `data:` URLs (remote ones kept, to be blocked and reported), the
 * template given the view plus `extra` data and the print settings.
 */
export async function preparePdf(
  view: ViewModel,
  extra: (view: ViewModel) => object,
  render: Render,
  layout: PageLayout,
  source: PdfSource,
): Promise<PreparedPdf> {
  const images = await resolveImages(view, { baseDir: source.baseDir, remote: 'keep' });
  const fieldPrefix = toFieldPrefix();
  const data = { ...extra(images.view), ...toChecklistView(images.view, layout, source.date, fieldPrefix) };
  const document = render(data, { format: 'pdf' });
  return { view, document, source, diagnostics: [...images.diagnostics], files: images.files, fieldPrefix };
}
