import type { Dirent } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../shared/errors.js';
import { describeFsCode } from '../shared/describe-fs-error.js';
import { displayPath } from '../shared/display-path.js';

/** A Markdown file found in a folder, relative to it; `refused` says why it is not read (a link leading out of the folder). */
export interface FoundFile {
  file: string;
  refused: string | null;
}

/**
 * Every `*.md` below a folder (not in dot folders or `node_modules`), sorted.
 * Symbolic links to folders are not followed; a linked file is read only when
 * its real path is inside the folder too. A sub-folder that cannot be read is
 * an `InputError`, never a silent gap.
 */
export async function findMarkdownFiles(root: string, cwd: string): Promise<FoundFile[]> {
  const realRoot = await realpath(root);
  const found: FoundFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries: Dirent[] = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      throw new InputError(`Cannot read folder ${displayPath(dir, cwd)}: ${describeFsCode(error)}`, { cause: error });
    });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.md') && (entry.isFile() || entry.isSymbolicLink())) {
        found.push({ file: path.relative(root, full).split(path.sep).join('/'), refused: await refuseLink(entry, full, realRoot) });
      }
    }
  };
  await walk(root);
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Why a symbolic link is not read: it leads outside the folder, or nowhere. */
async function refuseLink(entry: Dirent, file: string, realRoot: string): Promise<string | null> {
  if (!entry.isSymbolicLink()) return null;
  const real = await realpath(file).catch(() => null);
  if (real === null) return 'Cannot read this file: a symbolic link to nothing';
  const relative = path.relative(realRoot, real);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return 'Unexpected symbolic link leading outside the content folder, expected a file inside it: not read';
  }
  return real.endsWith('.md') ? null : 'Unexpected symbolic link to a file that is not Markdown (.md): not read';
}
