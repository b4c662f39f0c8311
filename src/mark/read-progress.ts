import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFCheckBox, PDFDocument, PDFHexString, PDFName, PDFString, ParseSpeeds } from 'pdf-lib';
import { z } from 'zod';
import { InputError } from '../shared/errors.js';
import type { Mark } from './apply-marks.js';

/** The progress file the HTML handout exports ("Export progress"). */
export const progressSchema = z.object({
  format: z.literal('roadmap-press-progress'),
  version: z.literal(1),
  /** The roadmap's title when exported (informative). */
  roadmap: z.string().optional(),
  /** Item id → ticked (`true`), not (`false`) or in progress (`"doing"`). */
  items: z.record(z.string(), z.union([z.boolean(), z.literal('doing')])),
});

export type Progress = z.infer<typeof progressSchema>;

/**
 * Read ticks from a progress JSON file (exported from the handout) or from a
 * PDF checklist whose fillable boxes a reader ticked and saved (fields are
 * named by item id).
 */
export async function readProgress(file: string): Promise<Map<string, Mark>> {
  const data = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(error.code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${error.message}`);
  });
  return path.extname(file).toLowerCase() === '.pdf' ? readPdfTicks(file, data) : readJsonTicks(file, data);
}

function readJsonTicks(file: string, data: Buffer): Map<string, Mark> {
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch (error) {
    throw new InputError(`${file}: invalid JSON: ${(error as Error).message}`);
  }
  const parsed = progressSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`${file}: not a roadmap-press progress file (${issue.path.join('.') || 'root'}: ${issue.message})`);
  }
  return new Map(Object.entries(parsed.data.items).map(([id, value]): [string, Mark] => [id, value === 'doing' ? 'doing' : value]));
}

async function readPdfTicks(file: string, data: Buffer): Promise<Map<string, Mark>> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(data, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (error) {
    throw new InputError(`${file}: not a readable PDF: ${(error as Error).message}`);
  }
  const boxes = pdf
    .getForm()
    .getFields()
    .filter((field): field is PDFCheckBox => field instanceof PDFCheckBox);
  if (boxes.length === 0) throw new InputError(`${file}: the PDF has no checkboxes to read (was it made by roadmap-press?)`);
  // The item id is the field's alternate name (`TU`); a name made unique (`id_2`) is not the id.
  // A PDF box is ticked or not: an unticked one leaves an item in progress as it is.
  return new Map(boxes.map((box): [string, Mark] => [alternateName(box) ?? box.getName(), box.isChecked() ? true : 'not-done']));
}

function alternateName(box: PDFCheckBox): string | null {
  const value = box.acroField.dict.lookup(PDFName.of('TU'));
  return value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : null;
}
