import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './run-cli.js';

/** The newest modification time of the files below `folder`. */
function newest(folder: string, ext: string): number {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(ext)) latest = Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/**
 * The compiled library (`dist/`, what the package ships), checked to be newer
 * than every source file: tests that start worker threads use it, so that
 * each worker loads JavaScript instead of transpiling the pipeline again.
 */
export async function importCompiled<T>(module: string): Promise<T> {
  const dist = path.join(repoRoot, 'dist');
  let compiled = 0;
  try {
    compiled = statSync(path.join(dist, module)).mtimeMs;
  } catch {
    throw new Error(`dist/${module} is missing: run \`npm run compile\` (npm test does it first)`);
  }
  if (compiled < newest(path.join(repoRoot, 'src'), '.ts')) {
    throw new Error(`dist/${module} is older than src/: run \`npm run compile\` (npm test does it first)`);
  }
  return (await import(path.join(dist, module))) as T;
}
