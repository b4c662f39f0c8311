import type { SettingLayers } from '../model/settings.js';
import { createProcessor } from './create-processor.js';
import { loadUserPlugins, resolveUserPlugins, type PluginSpecs, type ResolvedPlugins } from './load-user-plugins.js';
import type { RoadmapProcessor } from './process-roadmap.js';

/**
 * What every command that models a roadmap (`build`, `serve`, `check`, `inspect`, `mark`, `merge`)
 * models it with: the per-roadmap settings and the project's plugins, as the config and flags give
 * them (`resolveModelOptions`). Plain data.
 */
export interface ModelOptions {
  /** Per-roadmap settings around each file's front matter (config defaults, command-line overrides). */
  settings?: SettingLayers;
  /** The project's remark and rehype plugins (config `remarkPlugins`, `rehypePlugins`), and the folder their names resolve from. */
  plugins?: PluginSpecs;
}

/** A project's pipeline: its processor (`undefined`: the built-in one), and its plugins as found on disk (for the cache, for workers). */
export interface LoadedProcessor {
  processor: RoadmapProcessor | undefined;
  plugins: ResolvedPlugins | null;
}

/**
 * The pipeline a project's roadmaps are modelled with: its plugins found and imported (a local
 * file afresh when it changed), or the built-in pipeline without any. The one place a command gets
 * its processor; a plugin that cannot be loaded is a `ConfigError`, before anything is read.
 */
export async function loadProcessor(specs: PluginSpecs | undefined): Promise<LoadedProcessor> {
  if (!specs) return { processor: undefined, plugins: null };
  const plugins = await resolveUserPlugins(specs);
  return { processor: await toProcessor(plugins), plugins };
}

/** The pipeline with plugins already found on disk (a render worker's, from the main thread's). */
export async function toProcessor(plugins: Pick<ResolvedPlugins, 'remark' | 'rehype'>): Promise<RoadmapProcessor> {
  return createProcessor(await loadUserPlugins(plugins));
}
