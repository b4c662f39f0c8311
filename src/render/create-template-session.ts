import { loadHelpers } from './load-helpers.js';
import { loadRenderers, type RendererSet, type TemplateCache } from './load-renderers.js';
import type { HelperFunction } from './register-helpers.js';

/**
 * Templates and helpers loaded once for a session of builds (`serve`,
 * `--watch`) and reused by each, until `forget`: the watcher forgets them when
 * a template, the helpers module or the config changes, so only a change to
 * them costs a reload.
 */
export interface TemplateSession {
  /** `loadHelpers`, once per module until `forget`. */
  loadHelpers(file: string): Promise<Record<string, HelperFunction>>;
  /** `loadRenderers`, compiling each template once per search folders and helpers until `forget`. */
  loadRenderers(options: Omit<Parameters<typeof loadRenderers>[0], 'cache'>): Promise<RendererSet>;
  /** Drop everything loaded: the next build reads and compiles templates and helpers again. */
  forget(): void;
}

/** A session that has loaded nothing yet. */
export function createTemplateSession(): TemplateSession {
  let helpers = new Map<string, Promise<Record<string, HelperFunction>>>();
  // Compiled templates belong to the helpers they were compiled with.
  let templates = new WeakMap<object, TemplateCache>();
  const withoutHelpers = {};
  return {
    loadHelpers(file) {
      let loaded = helpers.get(file);
      if (!loaded) {
        const loading = loadHelpers(file);
        const kept = helpers;
        kept.set(file, loading);
        // A module that failed to load is imported again by the next build.
        loading.catch(() => kept.get(file) === loading && kept.delete(file));
        loaded = loading;
      }
      return loaded;
    },
    loadRenderers(options) {
      const owner = options.helpers ?? withoutHelpers;
      let cache = templates.get(owner);
      if (!cache) {
        cache = new Map();
        templates.set(owner, cache);
      }
      return loadRenderers({ ...options, cache });
    },
    forget() {
      helpers = new Map();
      templates = new WeakMap();
    },
  };
}
