import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from './write-atomic.js';

/** The cache file, inside the output folder. */
export const cacheFile = '.roadmap-press-cache.json';

/** What the cache remembers of one roadmap's last successful build. */
export interface CacheEntry {
  /** Hash of the source and of everything its outputs depend on (templates, settings, tool version). */
  key: string;
  /** Output paths relative to the output folder. */
  outputs: string[];
  /** What the index page shows of it. */
  summary: unknown;
}

export interface BuildCache {
  version: 1;
  /** Entries by output name (`rust-backend`, `course/week-1`). */
  entries: Record<string, CacheEntry>;
}

/** A stable hash of any number of strings, byte arrays or JSON-able values. */
export function hashOf(...parts: unknown[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' || part instanceof Uint8Array ? part : JSON.stringify(part) ?? 'undefined';
    hash.update(String(typeof bytes === 'string' ? bytes.length : bytes.byteLength));
    hash.update(':');
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** Read the output folder's cache; a missing or unreadable cache is an empty one. */
export async function readCache(out: string): Promise<BuildCache> {
  try {
    const parsed = JSON.parse(await readFile(path.join(out, cacheFile), 'utf8')) as BuildCache;
    if (parsed.version === 1 && parsed.entries && typeof parsed.entries === 'object') return parsed;
  } catch {
    // No cache yet, or a damaged one: build everything.
  }
  return { version: 1, entries: {} };
}

/** Write the cache atomically. */
export async function writeCache(out: string, cache: BuildCache): Promise<void> {
  await writeAtomic(path.join(out, cacheFile), `${JSON.stringify(cache)}\n`);
}
