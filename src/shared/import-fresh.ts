import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Import a project's own ES module (a config or helpers file), again when its
 * contents change: Node caches a module by URL for the life of the process,
 * so `serve` and `--watch` would otherwise keep the first version. The URL
 * carries a hash of the contents. Modules it imports itself are Node's to cache.
 */
export async function importFresh(file: string): Promise<unknown> {
  const resolved = path.resolve(file);
  const version = createHash('sha256')
    .update(await readFile(resolved))
    .digest('hex')
    .slice(0, 16);
  return import(`${pathToFileURL(resolved).href}?version=${version}`);
}
