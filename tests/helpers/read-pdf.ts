import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfContents {
  title: string | null;
  pages: string[];
  /** All pages' text with white space collapsed to single spaces. */
  text: string;
}

/** Read a PDF back with pdfjs-dist: its Title and the text of every page. */
export async function readPdf(file: string): Promise<PdfContents> {
  const data = new Uint8Array(await readFile(file));
  const document = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const { info } = (await document.getMetadata()) as { info: { Title?: string } };
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join(''),
      );
    }
    return { title: info.Title ?? null, pages, text: collapse(pages.join(' ')) };
  } finally {
    await document.destroy();
  }
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
