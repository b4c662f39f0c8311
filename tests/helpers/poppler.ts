import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** The fonts of a PDF, as poppler's `pdffonts` lists them. */
export async function listFonts(file: string): Promise<PdfFont[]> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name, type (may contain spaces), encoding, emb, sub, uni, object, generation
      const match = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line.trim());
      if (!match) throw new Error(`Unexpected pdffonts line: ${line}`);
      return { name: match[1]!, type: match[2]!, embedded: match[4] === 'yes' };
    });
}

/** The PDF's text as poppler's `pdftotext` extracts it (pages separated by form feeds). */
export async function extractText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  return stdout;
}

/** One page rendered in grey levels (0 black … 255 white), optionally without its annotations (form fields). */
export interface GreyPage {
  width: number;
  height: number;
  /** Pixels per PDF point. */
  scale: number;
  at(x: number, y: number): number;
}

/** Render page `page` (1-based) with `pdftoppm` at `dpi`; coordinates of `at` are PDF points from the bottom left. */
export async function renderPage(file: string, page: number, { dpi = 144, annotations = true } = {}): Promise<GreyPage> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-render-'));
  try {
    const prefix = path.join(dir, 'page');
    const args = ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile'];
    if (!annotations) args.push('-hide-annotations');
    await run('pdftoppm', [...args, file, prefix]);
    const data = await readFile(`${prefix}.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('Unexpected pdftoppm output');
    const width = Number(header[1]);
    const height = Number(header[2]);
    const pixels = data.subarray(header[0].length);
    const scale = dpi / 72;
    return {
      width,
      height,
      scale,
      at(x, y) {
        const column = Math.min(width - 1, Math.max(0, Math.round(x * scale)));
        const row = Math.min(height - 1, Math.max(0, Math.round(height - y * scale)));
        return pixels[row * width + column]!;
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
