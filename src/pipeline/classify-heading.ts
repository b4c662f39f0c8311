import { parseWeekRange } from './parse-week-range.js';

const phaseWords = String.raw`(?:phase|stage|step|part|module|month|level|milestone|unit|sprint|week)`;
const ordinal = String.raw`(?:\d+|[ivxlc]+|one|two|three|four|five|six|seven|eight|nine|ten|[a-z])`;
const leadingWord = new RegExp(String.raw`^(?:\d+[.)]\s*)?${phaseWords}s?\b`, 'i');
const numberedWord = new RegExp(String.raw`\b${phaseWords}\s+${ordinal}\b`, 'i');

/**
 * An H2 is a phase when it names a phase, stage, step, part, module or month
 * (`Phase 2: …`, `Stage III`, `Module A`), or carries a week notation
 * (`Basics (Weeks 1-2)`, `Advanced (Ongoing)`); otherwise it is a section.
 */
export function isPhaseHeading(text: string): boolean {
  return leadingWord.test(text) || numberedWord.test(text) || parseWeekRange(text) !== null;
}
