import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { InputError } from '../errors.js';
import { displayPath } from '../display-path.js';

/** One roadmap to build: its source file and its output path without extension. */
export interface Input {
  /** Path of the Markdown file, as given or found. */
  source: string;
  /** Output path relative to the output folder, without extension: `rust-backend`, `course/week-1`. */
  name: string;
}

/**
 * Expand the inputs (files or folders) into Markdown files. A folder gives
 * every `*.md` below it, keeping sub-folders in the output names; a file gives
 * itself. A missing input, or two inputs that would write the same output,
 * is an error.
 */
export async function collectInputs(inputs: string[], cwd = process.cwd()): Promise<Input[]> {
  const found: Input[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stats = await stat(absolute).catch(() => null);
    if (!stats) throw new InputError(`No such file or folder: ${input}`);
    if (stats.isDirectory()) {
      const files = await glob('**/*.md', { cwd: absolute, ignore: ['**/node_modules/**'], dot: false });
      for (const file of files.sort()) {
        found.push({ source: displayPath(path.join(absolute, file), cwd), name: file.slice(0, -path.extname(file).length) });
      }
    } else {
      found.push({ source: displayPath(absolute, cwd), name: path.basename(input, path.extname(input)) });
    }
  }
  const byName = new Map<string, string>();
  for (const { source, name } of found) {
    const other = byName.get(name);
    if (other !== undefined && path.resolve(cwd, other) !== path.resolve(cwd, source)) {
      throw new InputError(`${other} and ${source} would both be written as ${name}.*: rename one of them`);
    }
    byName.set(name, source);
  }
  return [...byName].map(([name, source]) => ({ source, name }));
}
