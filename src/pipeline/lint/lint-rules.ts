import { duplicateItem } from './duplicate-item.js';
import { emptyPhase } from './empty-phase.js';
import type { LintRule } from './lint-rule.js';
import { phaseGap } from './phase-gap.js';
import { phaseOverlap } from './phase-overlap.js';
import { unparsedWeek } from './unparsed-week.js';

/** Every lint rule, in the order they run. (`week-range` runs while weeks are read: it changes the model.) */
export const lintRules: readonly LintRule[] = [unparsedWeek, phaseOverlap, phaseGap, emptyPhase, duplicateItem];
