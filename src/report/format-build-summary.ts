import type { BuildResult } from '../site/build-site.js';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The one line a build ends with: `Built 3 roadmaps (2 up to date) in 1.2s:
 * 2 files written, 1 removed, 0 errors, 1 warning`.
 */
export function formatBuildSummary(result: BuildResult, seconds: number): string {
  const failed = result.roadmaps.filter((roadmap) => roadmap.summary === null).length;
  const built = result.roadmaps.length - failed;
  const upToDate = result.roadmaps.filter((roadmap) => roadmap.summary && roadmap.upToDate.length === roadmap.outputs.length).length;
  const written = result.roadmaps.reduce((sum, roadmap) => sum + roadmap.outputs.length - roadmap.upToDate.length, 0);
  return (
    `Built ${plural(built, 'roadmap')}${upToDate ? ` (${upToDate} up to date)` : ''}${failed ? `, ${failed} failed` : ''}` +
    ` in ${seconds.toFixed(1)}s: ${plural(written, 'file')} written` +
    (result.removed.length ? `, ${result.removed.length} removed` : '') +
    `, ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}`
  );
}
