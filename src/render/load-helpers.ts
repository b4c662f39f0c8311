import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../shared/display-path.js';
import { ConfigError } from '../shared/errors.js';
import { importFresh } from '../shared/import-fresh.js';
import type { HelperFunction } from './register-helpers.js';

/**
 * Import a project's helpers module (config `helpers`): an ES module whose
 * exports (the default export's keys, or its named exports) are functions,
 * each becoming a helper of that name; imported again when it changes (see `importFresh`).
 */
export async function loadHelpers(file: string): Promise<Record<string, HelperFunction>> {
  const shown = displayPath(file);
  if (!existsSync(file)) throw new ConfigError(`Helpers module not found: ${shown}`);
  // The module named is the module run: a symbolic link may not lead out of its folder.
  const [real, folder] = await Promise.all([realpath(file), realpath(path.dirname(file))]);
  if (path.dirname(real) !== folder && !real.startsWith(folder + path.sep)) {
    throw new ConfigError(`Helpers module ${shown} is a symbolic link leading outside its folder (to ${real}): not loaded`);
  }
  let module: Record<string, unknown>;
  try {
    module = (await importFresh(file)) as Record<string, unknown>;
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
