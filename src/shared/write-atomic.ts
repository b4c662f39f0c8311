import { randomBytes } from 'node:crypto';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeFolder } from './make-folder.js';

/**
 * Write a file so that readers only ever see the old or the new content:
 * write a temporary file next to it, then rename it over the target. A failed
 * or aborted (`signal`) write leaves the previous file untouched and no
 * temporary file behind. `mode` sets the new file's permissions; `beforeRename`
 * runs last, and a throw from it keeps the previous file.
 */
export async function writeAtomic(
  file: string,
  data: string | Uint8Array,
  { signal, mode, beforeRename }: { signal?: AbortSignal; mode?: number; beforeRename?: () => Promise<void> } = {},
): Promise<void> {
  signal?.throwIfAborted();
  await makeFolder(path.dirname(file));
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { signal });
    if (mode !== undefined) await chmod(temp, mode);
    await beforeRename?.();
    // An interrupted run renames nothing: the previous file stays.
    signal?.throwIfAborted();
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
