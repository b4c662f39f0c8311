import type { Diagnostic } from '../model/roadmap.js';
import type { ViewModel } from '../view/to-view-model.js';
import type { PageLayout } from '../model/page-layout.js';
import type { Render, RenderedDocument } from '../render/create-renderer.js';
import { drawQrCodes } from '../paper/draw-qr-codes.js';
import { numberLinks } from '../view/number-links.js';
import { defaultPaper, type PaperOptions } from '../model/paper-options.js';
import type { ItemElements } from '../pipeline/find-item-elements.js';
import { findUrlLines } from './find-url-lines.js';
import { resolveImages } from './resolve-images.js';
import { toChecklistView, toFieldPrefix } from '../view/to-checklist-view.js';

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
  /** Boxes besides the `[x]` items' that start ticked (`merge`: the member boxes of what each member did). */
  checkedFields?: string[];
  /** The links of its checkboxes start with this (secret) prefix: only they become form fields. */
  fieldPrefix: string;
  /** The source line of each URL in its items, from the document tree: where a blocked request is reported. */
  urlLines: Record<string, number>;
}

/**
 * Render one roadmap's checklist without printing it: local images embedded
 * as `data:` URLs (remote ones kept, to be blocked and reported), links
 * numbered and listed (`paper.links`), the items' `elements` (from the
 * document tree) giving their images, the
 * template given the view plus `extra` data and the print settings.
 */
export async function preparePdf(
  view: ViewModel,
  elements: ItemElements,
  extra: (view: ViewModel) => object,
  render: Render,
  layout: PageLayout,
  source: PdfSource,
  paper: PaperOptions = defaultPaper,
): Promise<PreparedPdf> {
  const images = await resolveImages(view, elements, { baseDir: source.baseDir, remote: 'keep' });
  // Links on paper: a numbered mark after each, listed per phase or at the end (with QR codes for `qr`).
  const linked = paper.links === 'none' ? { view: images.view, notes: undefined } : numberLinks(images.view, paper.linkList);
  const notes = linked.notes && paper.links === 'qr' ? await drawQrCodes(linked.notes) : linked.notes;
  const fieldPrefix = toFieldPrefix();
  const data = { ...extra(linked.view), ...toChecklistView(linked.view, layout, source.date, notes, fieldPrefix) };
  const checkedFields = (data as { groupFields?: string[] }).groupFields;
  return {
    view,
    document: render(data, { format: 'pdf' }),
    source,
    diagnostics: [...images.diagnostics],
    files: images.files,
    fieldPrefix,
    urlLines: findUrlLines(elements),
    ...(checkedFields ? { checkedFields } : {}),
  };
}
