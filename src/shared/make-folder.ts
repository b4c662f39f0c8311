import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Create a folder and its missing parents, one level at a time. Unlike
 * `mkdir(dir, { recursive: true })`, which loops forever on paths such as
 * `/proc/nope`, every failure is reported with its code (`ENOENT`, `ENOTDIR`,
 * `EACCES`).
 */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (!info.isDirectory())
        throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', path: current });
      break;
    }
    if (info.code !== 'ENOENT') throw info;
    const parent = path.dirname(current);
    if (parent === current) throw info;
    missing.push(current);
    current = parent;
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}
