import type { Diagnostic } from '../model/roadmap.js';
import type { ViewModel } from '../view/to-view-model.js';
import type { Render, RenderedDocument } from '../render/create-renderer.js';
import { drawQrCodes } from '../paper/draw-qr-codes.js';
import { numberLinks } from '../view/number-links.js';
import { defaultPaper, type PaperOptions } from '../model/paper-options.js';
import type { Root } from 'hast';
import { findLinkItems, type ItemElements } from '../pipeline/find-item-elements.js';
import { findUrlLines } from './find-url-lines.js';
import { resolveImages } from './resolve-images.js';
import { toFieldPrefix } from '../view/to-checklist-view.js';
import { toChecklistData, type PageSettings } from '../view/to-page-data.js';
import { toPdfMetadata, type PdfMetadata } from '../view/to-pdf-metadata.js';

/** Where a roadmap came from: its folder (images load from it) and its fixed date. */
export interface PdfSource {
  baseDir: string;
  date: Date | null;
}

/** A roadmap's checklist, rendered and ready to print: plain data, so that a worker thread can make it. */
export interface PreparedPdf {
  document: RenderedDocument;
  /** The document information the PDF gets (see `view/to-pdf-metadata.ts`). */
  metadata: PdfMetadata;
  source: PdfSource;
  diagnostics: Diagnostic[];
  /** Local image files it embeds (or tried to). */
  files: string[];
  /** Ids of the boxes that start ticked: the `[x]` items', and (`merge`) the member boxes of what each member did. */
  checked: string[];
  /** The links of its checkboxes start with this (secret) prefix: only they become form fields. */
  fieldPrefix: string;
  /** The source line of each URL in its items, from the document tree: where a blocked request is reported. */
  urlLines: Record<string, number>;
}

/**
 * Render one roadmap's checklist without printing it: local images embedded
 * as `data:` URLs (remote ones kept, to be blocked and reported), links
 * numbered and listed (`paper.links`, with QR codes for `qr`), the items'
 * elements (from the document tree: those with images, and those with links)
 * giving their images and links, the template given the checklist's data
 * (`view/to-page-data.ts`).
 */
export async function preparePdf(
  view: ViewModel,
  elements: { images: ItemElements; tree: Root },
  settings: PageSettings,
  render: Render,
  source: PdfSource,
  paper: PaperOptions = defaultPaper,
): Promise<PreparedPdf> {
  const images = await resolveImages(view, elements.images, { baseDir: source.baseDir, remote: 'keep' });
  // Links on paper: a numbered mark after each, listed per phase or at the end (with QR codes for `qr`).
  const linked =
    paper.links === 'none'
      ? { view: images.view, notes: undefined }
      : numberLinks(images.view, paper.linkList, {
          // Each item's element as the image steps left it.
          elements: new Map([...findLinkItems(elements.tree), ...elements.images, ...images.elements]),
          untrimmed: new Set(images.elements.keys()),
        });
  const links = linked.notes && paper.links === 'qr' ? await drawQrCodes(linked.notes) : linked.notes;
  const fieldPrefix = toFieldPrefix();
  const { data, checked } = toChecklistData(linked.view, settings, { links, fieldPrefix });
  return {
    document: render(data, { format: 'pdf' }),
    metadata: toPdfMetadata(view, source.date),
    source,
    diagnostics: [...images.diagnostics],
    files: images.files,
    checked,
    fieldPrefix,
    urlLines: findUrlLines(elements.images),
  };
}
