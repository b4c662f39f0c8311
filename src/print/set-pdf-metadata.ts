import { createHash } from 'node:crypto';
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import type { PdfMetadata } from '../view/to-pdf-metadata.js';

/** What the PDF says about itself: made from the view (`view/to-pdf-metadata.ts`). */
export type { PdfMetadata };

/**
 * Write the document information (Title, from the template's `<title>` when it has one, shown in the viewer's title bar;
 * Author, Subject, Keywords, Creator, Producer), the language, and fixed
 * dates. The file identifier (`/ID`) is derived from `fingerprint`, so the
 * same input always gives the same bytes.
 */
export function setPdfMetadata(doc: PDFDocument, metadata: PdfMetadata, fingerprint: string): void {
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  // Chromium took the Title from the template's <title>: a template may title its document its own way.
  const printedTitle = decode(info.lookup(PDFName.of('Title')));
  doc.setTitle(printedTitle || metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) doc.setAuthor(metadata.author);
  else info.delete(PDFName.of('Author'));
  if (metadata.subject) doc.setSubject(metadata.subject);
  else info.delete(PDFName.of('Subject'));
  // pdf-lib would join keywords with spaces; phrases need commas.
  if (metadata.keywords.length > 0) info.set(PDFName.of('Keywords'), PDFHexString.fromText(metadata.keywords.join(', ')));
  else info.delete(PDFName.of('Keywords'));
  const engine = decode(info.lookup(PDFName.of('Producer')));
  doc.setCreator(metadata.creator);
  doc.setProducer(engine ? `${metadata.creator} (${engine}, pdf-lib)` : `${metadata.creator} (pdf-lib)`);
  doc.setLanguage(metadata.lang);
  if (metadata.date) {
    doc.setCreationDate(metadata.date);
    doc.setModificationDate(metadata.date);
  } else {
    info.delete(PDFName.of('CreationDate'));
    info.delete(PDFName.of('ModDate'));
  }
  const id = PDFHexString.of(createHash('sha256').update(fingerprint).digest('hex').slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
}

function decode(value: unknown): string | null {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
}
