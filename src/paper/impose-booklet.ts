import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, ParseSpeeds, type PDFPage } from 'pdf-lib';
import { setPdfMetadata, type PdfMetadata } from '../print/set-pdf-metadata.js';

/** Sheets a booklet is printed on, landscape, in PDF points. */
export const sheets = {
  a4: { width: 841.89, height: 595.28 },
  letter: { width: 792, height: 612 },
} as const;
export type Sheet = keyof typeof sheets;

/**
 * The page numbers (1-based, `null` for a blank) on each side of each sheet,
 * left then right, for a saddle-stitched booklet of `pages` pages padded with
 * blanks to a multiple of 4: 8 pages give `[8, 1] [2, 7] [6, 3] [4, 5]`.
 * Printed duplex (flip on the short edge), folded and stapled, it reads 1 to 8.
 */
export function saddleStitchOrder(pages: number): [number | null, number | null][] {
  const total = Math.max(4, Math.ceil(pages / 4) * 4);
  const page = (number: number) => (number <= pages ? number : null);
  const sides: [number | null, number | null][] = [];
  for (let sheet = 0; sheet < total / 4; sheet += 1) {
    sides.push([page(total - 2 * sheet), page(2 * sheet + 1)]);
    sides.push([page(2 * sheet + 2), page(total - 2 * sheet - 1)]);
  }
  return sides;
}

export interface BookletOptions {
  sheet: Sheet;
  metadata: PdfMetadata;
  /** What the document was printed from: the source of its file identifier. */
  fingerprint: string;
}

/**
 * Impose a finished checklist (A5 pages) as a booklet: two pages per
 * landscape sheet side in saddle-stitch order, each page scaled to fit its
 * half and centred. What the page format allows is kept: the printed ticks
 * (form fields are flattened into the page first), web links (re-created at
 * their place on the sheet), metadata and language. Fillable fields,
 * bookmarks and the tagged structure are lost: they belong to pages that no
 * longer exist as pages.
 */
export async function imposeBooklet(bytes: Uint8Array, options: BookletOptions): Promise<Uint8Array> {
  const source = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const links = source.getPages().map(readWebLinks);
  source.getForm().flatten({ updateFieldAppearances: false });
  const booklet = await PDFDocument.create({ updateMetadata: false });
  const embedded = await booklet.embedPages(source.getPages());
  const { width, height } = sheets[options.sheet];
  const half = width / 2;
  for (const side of saddleStitchOrder(embedded.length)) {
    const sheet = booklet.addPage([width, height]);
    side.forEach((number, slot) => {
      if (number === null) return;
      const page = embedded[number - 1]!;
      const scale = Math.min(half / page.width, height / page.height);
      const x = slot * half + (half - page.width * scale) / 2;
      const y = (height - page.height * scale) / 2;
      sheet.drawPage(page, { x, y, xScale: scale, yScale: scale });
      for (const link of links[number - 1]!) addLink(booklet, sheet, link, { x, y, scale });
    });
  }
  // The title as printed (a template may title its document its own way); the rest from the metadata.
  const title = source.getTitle();
  booklet.context.trailerInfo.Info = booklet.context.register(booklet.context.obj(title ? { Title: PDFHexString.fromText(title) } : {}));
  setPdfMetadata(booklet, options.metadata, options.fingerprint);
  return booklet.save({ objectsPerTick: Infinity });
}

interface WebLink {
  rect: [number, number, number, number];
  uri: string;
}

function readWebLinks(page: PDFPage): WebLink[] {
  const links: WebLink[] = [];
  for (const ref of page.node.Annots()?.asArray() ?? []) {
    const annot = page.doc.context.lookup(ref);
    if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
    const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'));
    const text = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : null;
    const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray);
    if (!text || !/^https?:/i.test(text) || !rect) continue;
    const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = rect.asArray().map((value) => (value instanceof PDFNumber ? value.asNumber() : 0));
    links.push({ rect: [x1, y1, x2, y2], uri: text });
  }
  return links;
}

function addLink(doc: PDFDocument, sheet: PDFPage, link: WebLink, at: { x: number; y: number; scale: number }) {
  const [x1, y1, x2, y2] = link.rect.map((value, index) => (index % 2 === 0 ? at.x : at.y) + value * at.scale) as number[];
  const annot = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [x1!, y1!, x2!, y2!],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(link.uri) },
    }),
  );
  sheet.node.addAnnot(annot);
}
