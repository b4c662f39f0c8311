/**
 * roadmap-press's programmatic API: what the CLI calls.
 *
 * parse → enrich (`inspect`) → render → print (`build`).
 */
import { readFile } from 'node:fs/promises';
import { InputError } from './shared/errors.js';
import { processRoadmap, type ProcessedRoadmap } from './pipeline/process-roadmap.js';
import { loadProcessor, type ModelOptions } from './pipeline/load-processor.js';

export { buildSite as build, formats, defaultFormats } from './site/build-site.js';
export type { BuildOptions, BuildResult, BuiltRoadmap, Format } from './site/build-site.js';
export { processRoadmap } from './pipeline/process-roadmap.js';
export type { ProcessedRoadmap } from './pipeline/process-roadmap.js';
export { createProcessor } from './pipeline/create-processor.js';
export { toViewModel } from './view/to-view-model.js';
export type { ViewModel } from './view/to-view-model.js';
export type * from './model/roadmap.js';
export { loadConfig, validateConfig, configFiles } from './config/load-config.js';
export type { LoadedConfig } from './config/load-config.js';
export type { RoadmapConfig } from './config/config-schema.js';
export { defineConfig } from './config/define-config.js';
export type { RoadmapConfigInput } from './config/define-config.js';
export type { PluginSpec } from './pipeline/load-user-plugins.js';
export type { UserPlugins } from './pipeline/create-processor.js';
export { resolveBuildOptions, resolveModelOptions, resolveSettingLayers } from './site/resolve-build-options.js';
export { loadProcessor } from './pipeline/load-processor.js';
export type { ModelOptions, LoadedProcessor } from './pipeline/load-processor.js';
export type { SettingLayers, RoadmapSettings } from './model/settings.js';
export { markFile as mark } from './mark/mark-file.js';
export { mergeGroup as merge } from './merge/merge-group.js';
export type { MergeOptions, MemberSource } from './merge/merge-group.js';
export type { MarkOptions, MarkFileResult } from './mark/mark-file.js';
export { findBrowser } from './print/find-browser.js';
export { formatDiagnostic } from './report/format-diagnostic.js';
export { formatBuildSummary } from './report/format-build-summary.js';
export { createProgress } from './report/create-progress.js';
export { closeEarlyBrowser } from './site/early-browser.js';
export type { BuildFlags } from './site/resolve-build-options.js';
export { configSchema } from './config/config-schema.js';

/** The dev server and the watcher (`serve`, `build --watch`), loaded only when asked for. */
export async function loadServe() {
  const [server, watch] = await Promise.all([import('./serve/create-dev-server.js'), import('./serve/watch-site.js')]);
  return { startDevServer: server.startDevServer, watchSite: watch.watchSite, errorLines: watch.errorLines };
}
export { RoadmapPressError, BrowserError, ConfigError, InputError, TemplateError } from './shared/errors.js';
export { version } from './shared/version.js';
export { checkRoadmaps as check } from './site/check-roadmaps.js';
export type { CheckResult, CheckedFile } from './site/check-roadmaps.js';
export { toICalendar } from './calendar/to-icalendar.js';
export { labelTable, resolveLabels } from './model/labels.js';
export type { Labels, LabelOverrides } from './model/labels.js';

/** Read one roadmap file and return its enriched model and diagnostics, modelled with `options` as a build would. */
export async function inspect(file: string, options: ModelOptions = {}): Promise<ProcessedRoadmap> {
  const { processor } = await loadProcessor(options.plugins);
  const source = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(error.code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${error.message}`, {
      cause: error,
    });
  });
  return processRoadmap(source, file, options.settings, processor);
}
export { initProject as init } from './init/init-project.js';
export type { InitOptions } from './init/init-project.js';
export { toTemplateData } from './view/to-template-data.js';
export type { TemplateData } from './view/to-template-data.js';
export type { GroupConfig } from './model/group-schema.js';
export type { TemplateChoice } from './render/load-renderers.js';
