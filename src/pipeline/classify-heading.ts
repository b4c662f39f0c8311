import { parseWeekRange } from './parse-week-range.js';

/** Words naming a phase, in English, Spanish, Portuguese, French, German and Russian. */
const phaseWord = `(?:phase|stage|step|part|module|month|level|milestone|unit|sprint|week|fase|etapa|paso|passo|parte|m[óo]dulo|n[ií]vel|unidad|unidade|mes|mês|semana|[ée]tape|partie|niveau|mois|semaine|stufe|schritt|teil|modul|monat|woche|etappe|этап|фаза|шаг|часть|модуль|уровень|месяц|неделя|ступень)`;
const wordStart = String.raw`(?<![\p{L}\p{N}])`;
const wordEnd = String.raw`(?![\p{L}\p{N}])`;
/** `Phase 2`, `Stage 10`, `Этап 1`, `Étape 3` anywhere in the heading. */
const numbered = new RegExp(String.raw`${wordStart}${phaseWord}\s+\d+${wordEnd}`, 'iu');
/** `Part III:`, `Module A —`, `Step one.`: a word ordinal must end the heading or be followed by punctuation. */
const wordOrdinal = new RegExp(
  String.raw`${wordStart}${phaseWord}\s+(?:[IVXLC]+|[A-Z]|one|two|three|four|five|six|seven|eight|nine|ten)(?=\s*(?:$|[:.)—–-]))`,
  'iu',
);
/** `第一阶段`, `阶段 2`, `第3部分`, `第二步`, `第4单元`, `第5章`. */
const chinese = /第\s*[\d零〇一二两三四五六七八九十]+\s*(?:阶段|階段|部分|步|单元|單元|章|期)|阶段\s*[\d一二三四五六七八九十]+/u;

/**
 * An H2 is a phase when it names a numbered phase, stage, step, part, module
 * or month (`Phase 2: …`, `Stage III`, `Module A: …`, `Etapa 2`, `Этап 1`,
 * `第一阶段`), or carries a week notation (`Basics (Weeks 1-2)`,
 * `Advanced (Ongoing)`); otherwise it is a section ("Practical Learning
 * Tips", "Modules and Crates").
 */
export function isPhaseHeading(text: string): boolean {
  return numbered.test(text) || wordOrdinal.test(text) || chinese.test(text) || parseWeekRange(text) !== null;
}
