import { readFile } from 'node:fs/promises';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Count the small squares drawn in a PDF (the printed checkboxes): paths
 * whose bounding box is square, with a side between `min` and `max` in the
 * page's drawing units.
 */
export async function countPdfSquares(file: string, min: number, max: number): Promise<number> {
  const data = new Uint8Array(await readFile(file));
  const document = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  let count = 0;
  try {
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const operators = await page.getOperatorList();
      operators.fnArray.forEach((fn, index) => {
        if (fn !== OPS.constructPath) return;
        const box = (operators.argsArray[index] as unknown[]).at(-1);
        if (!(box instanceof Float32Array || Array.isArray(box)) || box.length !== 4) return;
        const [x0, y0, x1, y1] = box as number[];
        const width = x1! - x0!;
        const height = y1! - y0!;
        if (width >= min && width <= max && Math.abs(width - height) <= 1.5) count += 1;
      });
    }
  } finally {
    await document.destroy();
  }
  return count;
}
