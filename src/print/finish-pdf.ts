import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import { addFormFields } from './add-form-fields.js';
import { numberStructureIds } from './number-structure-ids.js';
import { setPdfMetadata, type PdfMetadata } from './set-pdf-metadata.js';

export interface FinishOptions {
  metadata: PdfMetadata;
  /** `href` prefix of the links that mark checkboxes (see `addFormFields`). */
  fieldPrefix: string;
  /** Ids of the items whose box starts ticked. */
  checked: ReadonlySet<string>;
  /** What the document was printed from (its HTML): the source of its stable file identifier. */
  fingerprint: string;
}

/**
 * Post-process Chromium's PDF with pdf-lib: fillable checkboxes over the
 * printed boxes, metadata, and nothing that depends on the clock, so the same
 * input always gives byte-identical output (structure ids included). The outline and the tagged
 * structure are kept as Chromium wrote them.
 */
export async function finishPdf(bytes: Uint8Array, options: FinishOptions): Promise<Uint8Array> {
  // pdf-lib pauses for a timer tick every 100 objects parsed and 50 written unless told not to:
  // on a seed checklist (877 objects) that is 25 ms of waiting in 40 ms (see docs/benchmarks.md).
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  addFormFields(doc, options.fieldPrefix, options.checked);
  setPdfMetadata(doc, options.metadata, options.fingerprint);
  numberStructureIds(doc);
  return doc.save({ updateFieldAppearances: false, objectsPerTick: Infinity });
}
