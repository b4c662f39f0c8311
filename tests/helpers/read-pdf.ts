import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfContents {
  title: string | null;
  language: string | null;
  /** Bookmarks as `title` with nested `items`. */
  outline: OutlineEntry[];
  pages: string[];
  /** All pages' text with white space collapsed to single spaces. */
  text: string;
}

/** Read a PDF back with pdfjs-dist: its Title and the text of every page. */
export async function readPdf(file: string): Promise<PdfContents> {
  const data = new Uint8Array(await readFile(file));
  const document = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const { info } = (await document.getMetadata()) as { info: { Title?: string; Language?: string } };
    const outline = toOutline(await document.getOutline());
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return { title: info.Title ?? null, language: info.Language ?? null, outline, pages, text: collapse(pages.join(' ')) };
  } finally {
    await document.destroy();
  }
}

export interface OutlineEntry {
  title: string;
  items: OutlineEntry[];
}

function toOutline(items: { title: string; items: unknown[] }[] | null): OutlineEntry[] {
  return (items ?? []).map((item) => ({ title: item.title, items: toOutline(item.items as never) }));
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
