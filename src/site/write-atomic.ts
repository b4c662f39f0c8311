import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Write a file so that readers only ever see the old or the new content:
 * write a temporary file next to it, then rename it over the target. A failed
 * or aborted (`signal`) write leaves the previous file untouched and no
 * temporary file behind.
 */
export async function writeAtomic(file: string, data: string | Uint8Array, { signal }: { signal?: AbortSignal } = {}): Promise<void> {
  signal?.throwIfAborted();
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { signal });
    // An interrupted run renames nothing: the previous file stays.
    signal?.throwIfAborted();
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
