import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { displayPath } from '../display-path.js';
import { ConfigError } from '../errors.js';
import type { HelperFunction } from './register-helpers.js';

/**
 * Import a project's helpers module (config `helpers`): an ES module whose
 * exports (the default export's keys, or its named exports) are functions,
 * each becoming a helper of that name. The module is imported again when
 * its contents change (`serve` and `--watch` pick up an edited helpers file);
 * modules it imports itself are Node's to cache.
 */
export async function loadHelpers(file: string): Promise<Record<string, HelperFunction>> {
  const shown = displayPath(file);
  if (!existsSync(file)) throw new ConfigError(`Helpers module not found: ${shown}`);
  let module: Record<string, unknown>;
  try {
    const resolved = path.resolve(file);
    const version = createHash('sha256').update(await readFile(resolved)).digest('hex').slice(0, 16);
    module = (await import(`${pathToFileURL(resolved).href}?version=${version}`)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`Cannot load helpers module ${shown}: ${(error as Error).message}`, { cause: error });
  }
  const { default: fallback, ...named } = module;
  const exported = Object.keys(named).length > 0 ? named : fallback;
  if (exported === null || typeof exported !== 'object') {
    throw new ConfigError(`Helpers module ${shown} exports no helpers: export functions, or a default object of functions`);
  }
  const helpers: Record<string, HelperFunction> = {};
  for (const [name, value] of Object.entries(exported)) {
    if (typeof value !== 'function') throw new ConfigError(`Helpers module ${shown}: "${name}" is not a function`);
    if (!/^[a-z_$][\w$]*$/i.test(name)) throw new ConfigError(`Helpers module ${shown}: "${name}" is not a usable helper name`);
    helpers[name] = value as HelperFunction;
  }
  return helpers;
}
