import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../shared/errors.js';
import { displayPath } from '../shared/display-path.js';
import { describeFsCode } from '../shared/describe-fs-error.js';
import { findMarkdownFiles } from './find-markdown-files.js';

/** One roadmap to build: its source file and its output path without extension. */
export interface Input {
  /** Path of the Markdown file, as given or found. */
  source: string;
  /** Output path relative to the output folder, without extension: `rust-backend`, `course/week-1`. */
  name: string;
  /** Why the file is not read (a symbolic link leading out of its folder): that roadmap's error. */
  refused?: string;
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
    const stats = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
    if (stats instanceof Error) {
      throw new InputError(stats.code === 'ENOENT' ? `No such file or folder: ${input}` : `Cannot read ${input}: ${describeFsCode(stats)}`);
    }
    if (stats.isDirectory()) {
      for (const { file, refused } of await findMarkdownFiles(absolute, cwd)) {
        const source = displayPath(path.join(absolute, file), cwd);
        found.push({ source, name: file.slice(0, -path.extname(file).length), ...(refused ? { refused } : {}) });
      }
    } else {
      found.push({ source: displayPath(absolute, cwd), name: path.basename(input, path.extname(input)) });
    }
  }
  // `index.html` is the index page: a roadmap of that name would be overwritten by it.
  for (const input of found) {
    if (input.name === 'index' && !input.refused) {
      input.refused = 'Unexpected roadmap named index: its handout would be overwritten by the index page, expected another file name';
    }
  }
  const byName = new Map<string, Input>();
  for (const input of found) {
    const other = byName.get(input.name)?.source;
    if (other !== undefined && path.resolve(cwd, other) !== path.resolve(cwd, input.source)) {
      throw new InputError(`${other} and ${input.source} would both be written as ${input.name}.*: rename one of them`);
    }
    byName.set(input.name, input);
  }
  return [...byName.values()];
}
