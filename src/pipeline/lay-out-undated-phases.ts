import type { RoadmapPhase } from '../model/roadmap.js';

/**
 * Give each phase with neither weeks nor "ongoing" `weeksPerPhase` weeks,
 * one after the other in document order, after the last week of the dated
 * phases; marks them `weeksAssumed`. Phases in `skip` (a broken notation)
 * stay undated.
 */
export function layOutUndatedPhases(phases: RoadmapPhase[], weeksPerPhase: number, skip: ReadonlySet<RoadmapPhase>): void {
  let cursor = phases.reduce((last, phase) => Math.max(last, phase.weeks?.end ?? 0), 0);
  for (const phase of phases) {
    if (phase.weeks || phase.ongoing || skip.has(phase)) continue;
    phase.weeks = { start: cursor + 1, end: cursor + weeksPerPhase };
    phase.weeksAssumed = true;
    cursor += weeksPerPhase;
  }
}
