import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Diagnostic } from '../model/roadmap.js';
import type { IndexSummary } from '../view/to-index-view.js';
import { writeAtomic } from '../shared/write-atomic.js';

import { cacheFile } from '../shared/cache-file.js';

export { cacheFile };

/** What the index page shows of a roadmap (made in `view/to-index-view.ts`). */
export type RoadmapSummary = IndexSummary;

/** A file an output was made from besides the Markdown (an embedded image), as it was then. */
export interface Dependency {
  file: string;
  mtimeMs: number | null;
  size: number | null;
}

/** What the cache remembers of one roadmap's last build. */
export interface CacheEntry {
  /** Absolute path of the Markdown file. */
  source: string;
  /** Per format: the key its output was made with, the file (relative to the output folder), and its size as written. */
  outputs: Record<string, { key: string; file: string; size?: number }>;
  dependencies: Dependency[];
  summary: RoadmapSummary;
  /** Diagnostics of that build, shown again when nothing is rebuilt. */
  diagnostics: Diagnostic[];
}

export interface BuildCache {
  version: 1;
  /** Entries by output name (`rust-backend`, `course/week-1`). */
  entries: Record<string, CacheEntry>;
}

const diagnosticSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  line: z.number().nullable(),
  column: z.number().nullable(),
  rule: z.string().nullable(),
});

const entrySchema = z.object({
  source: z.string(),
  outputs: z.record(z.string(), z.object({ key: z.string(), file: z.string(), size: z.number().optional() })),
  dependencies: z.array(z.object({ file: z.string(), mtimeMs: z.number().nullable(), size: z.number().nullable() })),
  summary: z.object({ title: z.string(), phases: z.number(), weeks: z.number(), items: z.number() }),
  diagnostics: z.array(diagnosticSchema),
});

const cacheSchema = z.object({
  version: z.literal(1),
  entries: z.custom<object>((value) => typeof value === 'object' && value !== null && !Array.isArray(value)),
});

/** An empty cache. Its entries have no prototype: a roadmap named `constructor` or `__proto__` is just a name. */
export function emptyCache(): BuildCache {
  return { version: 1, entries: Object.create(null) as Record<string, CacheEntry> };
}

/** The cache entry of a roadmap, if it has one of its own. */
export function entryOf(cache: BuildCache, name: string): CacheEntry | null {
  return Object.hasOwn(cache.entries, name) ? cache.entries[name]! : null;
}

/**
 * Read the output folder's cache; a missing, unreadable or damaged cache (of
 * any shape) is an empty one, and an entry of the wrong shape is dropped.
 */
export async function readCache(out: string): Promise<BuildCache> {
  const cache = emptyCache();
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path.join(out, cacheFile), 'utf8'));
  } catch {
    // No cache yet, or a damaged one: build everything.
    return cache;
  }
  const parsed = cacheSchema.safeParse(value);
  if (!parsed.success) return cache;
  // The entries as JSON.parse made them: own keys only, even `__proto__` (a copy through zod would set a prototype).
  for (const [name, entry] of Object.entries((value as { entries: object }).entries)) {
    const checked = entrySchema.safeParse(entry);
    if (checked.success) cache.entries[name] = checked.data;
  }
  return cache;
}

/** Write the cache atomically. */
export async function writeCache(out: string, cache: BuildCache): Promise<void> {
  await writeAtomic(path.join(out, cacheFile), `${JSON.stringify(cache)}\n`);
}

/** How the files are now: modification time and size, `null` for a missing file. */
export async function snapshotDependencies(files: string[]): Promise<Dependency[]> {
  return Promise.all(
    [...new Set(files)].sort().map(async (file) => {
      const stats = await stat(file).catch(() => null);
      return { file, mtimeMs: stats?.mtimeMs ?? null, size: stats?.size ?? null };
    }),
  );
}

/** Whether every dependency is as it was. */
export async function dependenciesUnchanged(dependencies: Dependency[]): Promise<boolean> {
  const now = await snapshotDependencies(dependencies.map((dependency) => dependency.file));
  return now.every((current, index) => {
    const before = dependencies[index];
    return before !== undefined && current.mtimeMs === before.mtimeMs && current.size === before.size;
  });
}
