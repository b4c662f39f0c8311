import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../shared/errors.js';
import { importFresh } from '../shared/import-fresh.js';
import type { UserPlugins } from './create-processor.js';
import type { UserPlugin } from './guard-user-plugin.js';

/** A plugin as the config names it: a module name or path, or `[module, options]`. */
export type PluginSpec = string | [string, unknown];

/** The project's plugins as the config lists them, and the folder their names resolve from. */
export interface PluginSpecs {
  remark?: PluginSpec[];
  rehype?: PluginSpec[];
  /** Names and relative paths resolve from here: the config file's folder (else the working directory). */
  from: string;
}

/** A plugin found on disk: plain data a worker thread can load again. */
export interface ResolvedPlugin {
  name: string;
  file: string;
  options?: unknown;
}

/** The project's plugins found on disk, and a hash of their files and options for the build cache. */
export interface ResolvedPlugins {
  remark: ResolvedPlugin[];
  rehype: ResolvedPlugin[];
  fingerprint: string;
}

/** Whether a plugin is named by a path (`./x.mjs`, absolute), not a package name. */
function isLocalPlugin(name: string): boolean {
  return name.startsWith('.') || path.isAbsolute(name);
}

/** The project's own plugin files (those named by a path), absolute: what `serve` and `--watch` watch. */
export function localPluginFiles(specs: PluginSpecs): string[] {
  return [...(specs.remark ?? []), ...(specs.rehype ?? [])]
    .map((spec) => (typeof spec === 'string' ? spec : spec[0]))
    .filter(isLocalPlugin)
    .map((name) => path.resolve(specs.from, name));
}

/**
 * Find each plugin's file: `./x.mjs` (or an absolute path) from the project
 * folder, a package name (`remark-emoji`) from the project's `node_modules`.
 * One that cannot be found is a {@link ConfigError} naming it.
 */
export async function resolveUserPlugins(specs: PluginSpecs): Promise<ResolvedPlugins> {
  const require = createRequire(path.join(path.resolve(specs.from), 'roadmap.config.js'));
  const hash = createHash('sha256');
  const resolveList = async (kind: 'remark' | 'rehype', list: PluginSpec[] = []) =>
    Promise.all(
      list.map(async (spec) => {
        const [name, options] = typeof spec === 'string' ? [spec, undefined] : spec;
        let file: string;
        try {
          file = isLocalPlugin(name) ? path.resolve(specs.from, name) : require.resolve(name);
        } catch (error) {
          throw loadError(kind, name, error);
        }
        const bytes = await readFile(file).catch((error: unknown) => {
          throw loadError(kind, name, error);
        });
        return { name, file, options, bytes };
      }),
    );
  const remark = await resolveList('remark', specs.remark);
  const rehype = await resolveList('rehype', specs.rehype);
  for (const [kind, list] of [
    ['remark', remark],
    ['rehype', rehype],
  ] as const) {
    for (const { name, file, options, bytes } of list) hash.update(JSON.stringify([kind, name, file, options ?? null])).update(bytes);
  }
  const plain = ({ name, file, options }: ResolvedPlugin): ResolvedPlugin =>
    options === undefined ? { name, file } : { name, file, options };
  return { remark: remark.map(plain), rehype: rehype.map(plain), fingerprint: hash.digest('hex') };
}

/**
 * Import each resolved plugin (a local file again when it changed): its
 * default export must be a unified plugin (a function). One that fails to
 * load is a {@link ConfigError}, one readable line.
 */
export async function loadUserPlugins(resolved: Pick<ResolvedPlugins, 'remark' | 'rehype'>): Promise<UserPlugins> {
  const loadList = (kind: 'remark' | 'rehype', list: ResolvedPlugin[]) =>
    Promise.all(
      list.map(async ({ name, file, options }): Promise<UserPlugin> => {
        let module: { default?: unknown };
        try {
          const local = !file.includes(`${path.sep}node_modules${path.sep}`);
          module = (await (local ? importFresh(file) : import(pathToFileURL(file).href))) as { default?: unknown };
        } catch (error) {
          throw loadError(kind, name, error);
        }
        if (typeof module.default !== 'function') {
          throw new ConfigError(
            `Cannot load ${kind} plugin ${name}: its default export is ${describe(module.default)}, expected a unified plugin (a function)`,
          );
        }
        return { name, kind, plugin: module.default as UserPlugin['plugin'], ...(options === undefined ? {} : { options }) };
      }),
    );
  return { remark: await loadList('remark', resolved.remark), rehype: await loadList('rehype', resolved.rehype) };
}

function loadError(kind: string, name: string, error: unknown): ConfigError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reason =
    code === 'MODULE_NOT_FOUND' || code === 'ENOENT' || code === 'ERR_MODULE_NOT_FOUND'
      ? 'not found (install it in the project, or check the path)'
      : (error as Error)?.message?.split('\n')[0] || String(error);
  return new ConfigError(`Cannot load ${kind} plugin ${name}: ${reason}`, { cause: error });
}

function describe(value: unknown): string {
  return value === undefined ? 'missing' : value === null ? 'null' : `a ${typeof value}`;
}
