import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** `UPDATE_GOLDEN=1 npm test` rewrites golden files; any other run only compares. */
const updating = process.env.UPDATE_GOLDEN === '1';

function write(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

function readGolden(file: string): string {
  if (!existsSync(file)) {
    throw new Error(`Missing golden file ${file}: write it with \`UPDATE_GOLDEN=1 npm test\`, read it, and commit it`);
  }
  return readFileSync(file, 'utf8');
}

/** `text` equals the golden file `file` (rewritten instead with UPDATE_GOLDEN=1). */
export function expectGoldenText(file: string, text: string): void {
  if (updating) write(file, text);
  expect(text, `${file} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readGolden(file));
}

/** `value` equals the JSON of the golden file `file` (rewritten instead with UPDATE_GOLDEN=1). */
export function expectGoldenJson(file: string, value: unknown): void {
  if (updating) write(file, `${JSON.stringify(value, null, 2)}\n`);
  expect(JSON.parse(JSON.stringify(value)), `${file} (UPDATE_GOLDEN=1 rewrites it)`).toEqual(JSON.parse(readGolden(file)));
}
