import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder roadmap-press is installed in: the nearest folder above this
 * module with a package.json and `templates/`, wherever the module sits
 * (`src/` under the tests, `dist/`, or a chunk of the bundled CLI in `dist/chunks/`).
 */
export const packageRoot = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'templates'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`roadmap-press is incomplete: no package.json and templates/ above ${from}`);
  }
}

/** roadmap-press's own version, from its package.json. */
export const version: string = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** The generator name written into every output. */
export const generator = `roadmap-press ${version}`;
