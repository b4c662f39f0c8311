import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { lilconfig, type Loader } from 'lilconfig';
import type { z } from 'zod';
import { ConfigError } from '../shared/errors.js';
import { importFresh } from '../shared/import-fresh.js';
import { configKeys, configSchema, type RoadmapConfig } from './config-schema.js';
import { groupSchema, meetsSchema } from '../model/group-schema.js';
import { suggest } from '../shared/suggest.js';
import { displayPath } from '../shared/display-path.js';

/** The file names searched, in order, from the working directory up. */
export const configFiles = ['roadmap.config.json', 'roadmap.config.mjs', 'roadmap.config.js', 'roadmap.config.ts'];

export interface LoadedConfig {
  /** The validated config; `{}` when there is no config file. */
  config: RoadmapConfig;
  /** Path of the config file, or `null`. */
  file: string | null;
}

const loadJson: Loader = async (file) => {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(`${displayPath(file)}: invalid JSON: ${(error as Error).message}`, { cause: error });
  }
};

const loadModule: Loader = async (file) => {
  const module = (await importFresh(file)) as { default?: unknown };
  return module.default;
};

/** A TypeScript config (`defineConfig` typed), compiled on the fly by jiti, loaded only for one. */
const loadTypeScript: Loader = async (file) => {
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false });
  return jiti.import(file, { default: true });
};

/**
 * Find and validate the project's config: `explicit` if given (must exist),
 * else the first of {@link configFiles} from `cwd` up to the file system root.
 * A config that does not validate is one readable {@link ConfigError} naming
 * the file, the key path and what was expected.
 */
export async function loadConfig(cwd = process.cwd(), explicit?: string): Promise<LoadedConfig> {
  const explorer = lilconfig('roadmap', {
    searchPlaces: configFiles,
    loaders: { '.json': loadJson, '.mjs': loadModule, '.js': loadModule, '.ts': loadTypeScript },
    stopDir: path.parse(path.resolve(cwd)).root,
    cache: false,
  });
  let result: { config: unknown; filepath: string } | null;
  try {
    result = explicit ? await explorer.load(path.resolve(cwd, explicit)) : await explorer.search(cwd);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const where = explicit ?? 'roadmap.config';
    throw new ConfigError(code === 'ENOENT' ? `Config file not found: ${where}` : `Cannot load ${where}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!result) return { config: {}, file: null };
  return { config: validateConfig(result.config, result.filepath), file: result.filepath };
}

/** Validate a config object; `file` names it in errors. */
export function validateConfig(value: unknown, file: string): RoadmapConfig {
  let parsed: ReturnType<typeof configSchema.safeParse>;
  try {
    parsed = configSchema.safeParse(value ?? {});
  } catch (error) {
    // A config module's getter (or proxy) that throws while its keys are read.
    throw new ConfigError(`${displayPath(file)}: reading the config failed: ${(error as Error)?.message ?? String(error)}`, {
      cause: error,
    });
  }
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => `${displayPath(file)}: ${describeIssue(issue)}`).join('\n'));
}

/** Keys of nested config objects, for suggestions. */
const nestedKeys: Record<string, string[]> = {
  group: Object.keys(groupSchema.shape),
  'group.meets': Object.keys(meetsSchema.shape),
  template: ['html', 'pdf'],
};

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) => {
        const where = [...issue.path, key].join('.');
        const known = issue.path.length === 0 ? configKeys : (nestedKeys[issue.path.join('.')] ?? []);
        const hint = suggest(key, known);
        return `unknown key "${where}"${hint ? ` (did you mean "${hint}"?)` : ''}`;
      })
      .join('; ');
  }
  const where = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  return `${where}: ${issue.message}`;
}
