import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A word on a PDF page, in PDF points from the page's bottom left (as `renderPage(…).at` takes them). */
export interface PdfWord {
  page: number;
  text: string;
  left: number;
  right: number;
  bottom: number;
  top: number;
}

/** Every word of a PDF with its box, from poppler's `pdftotext -bbox`. */
export async function findPdfWords(file: string): Promise<PdfWord[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  const words: PdfWord[] = [];
  let page = 0;
  let height = 0;
  for (const line of stdout.split('\n')) {
    const pageMatch = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (pageMatch) {
      page += 1;
      height = Number(pageMatch[2]);
      continue;
    }
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (!word) continue;
    words.push({
      page,
      text: word[5]!
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
      left: Number(word[1]),
      right: Number(word[3]),
      bottom: height - Number(word[4]),
      top: height - Number(word[2]),
    });
  }
  return words;
}
