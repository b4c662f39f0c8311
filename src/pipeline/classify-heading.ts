import { parseWeekRange } from './parse-week-range.js';

const phaseWord = String.raw`(?:phase|stage|step|part|module|month|level|milestone|unit|sprint|week)`;
/** `Phase 2`, `Stage 10` anywhere in the heading. */
const numbered = new RegExp(String.raw`\b${phaseWord}\s+\d+\b`, 'i');
/** `Part III:`, `Module A —`, `Step one.`: a word ordinal must end the heading or be followed by punctuation. */
const wordOrdinal = new RegExp(
  String.raw`\b${phaseWord}\s+(?:[IVXLC]+|[A-Z]|one|two|three|four|five|six|seven|eight|nine|ten)(?=\s*(?:$|[:.)—–-]))`,
  'i',
);

/**
 * An H2 is a phase when it names a numbered phase, stage, step, part, module
 * or month (`Phase 2: …`, `Stage III`, `Module A: …`), or carries a week
 * notation (`Basics (Weeks 1-2)`, `Advanced (Ongoing)`); otherwise it is a
 * section ("Practical Learning Tips", "Modules and Crates").
 */
export function isPhaseHeading(text: string): boolean {
  return numbered.test(text) || wordOrdinal.test(text) || parseWeekRange(text) !== null;
}
