import { parseWeekRange } from './parse-week-range.js';

/** Words naming a phase, in English, Spanish, Portuguese, French, German, Russian, Italian and Turkish. */
const phaseWord = `(?:phase|stage|step|part|module|month|level|milestone|unit|sprint|week|settimana|livello|parte|aşama|seviye|bölüm|fase|etapa|paso|passo|parte|m[óo]dulo|n[ií]vel|unidad|unidade|mes|mês|semana|[ée]tape|partie|niveau|mois|semaine|stufe|schritt|teil|modul|monat|woche|etappe|этап|фаза|шаг|часть|модуль|уровень|месяц|неделя|ступень)`;
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
/** `2. Aşama`, `3단계`, `第2段階`: the number before the word (Turkish, Korean, Japanese). */
const suffixed = /(?<![\p{L}\p{N}])\d{1,2}(?:\.\s*(?:aşama|bölüm|seviye|hafta)|\s*단계|\s*주차)|第\s*\d{1,2}\s*(?:段階|章|部)/iu;
const chinese = /第\s*[\d零〇一二两三四五六七八九十]+\s*(?:阶段|階段|部分|步|单元|單元|章|期)|阶段\s*[\d一二三四五六七八九十]+/u;

/**
 * An H2 is a phase when it names a numbered phase, stage, step, part, module
 * or month (`Phase 2: …`, `Stage III`, `Module A: …`, `Etapa 2`, `Этап 1`,
 * `第一阶段`), or carries a week notation (`Basics (Weeks 1-2)`,
 * `Advanced (Ongoing)`); otherwise it is a section ("Practical Learning
 * Tips", "Modules and Crates").
 */
export function isPhaseHeading(text: string): boolean {
  return !isLookBack(text) && (isPhaseByWords(text) || parseWeekRange(text) !== null);
}

/** A heading naming a numbered phase by its words alone (`Phase 2`, `Etapa 3`, `第一阶段`, `2. Aşama`), whatever its time. */
export function isPhaseByWords(text: string): boolean {
  if (isLookBack(text)) return false;
  return numbered.test(text) || wordOrdinal.test(text) || chinese.test(text) || suffixed.test(text);
}

/** `Summary`, `Recap`, `Retrospective`, `Reflection`, `Report`, `Wrap-up` and their translations, right after a time. */
const lookBackWord =
  /^\s*(?:summary|recap|retrospective|retro|reflections?|report|wrap[- ]?up|resumen|resumo|r[ée]sum[ée]|bilan|zusammenfassung|r[üu]ckblick|riepilogo|итоги|отч[её]т|总结|總結|小结|まとめ|振り返り|회고|정리|özet)(?![\p{L}])/iu;

/**
 * A log's look back at a time it names (`Week 1 Summary`, `Month 2 recap`,
 * `第1周总结`): the notation is followed, with no separator, by a summary
 * word. It reports on the plan; it is not a part of it.
 */
export function isLookBack(text: string): boolean {
  const notation = parseWeekRange(text);
  if (!notation?.written) return false;
  return lookBackWord.test(text.slice(notation.index + notation.length));
}

/** A checkpoint, review or project heading (without time of its own) belongs to the phase before it. */
const followsPhase =
  /(?<![\p{L}])(?:checkpoints?|milestones?|reviews?|recap|retrospective|assessments?|exams?|quiz(?:zes)?|capstone|mini[- ]?projects?|evaluation|revis[ãa]o|revisi[óo]n|repaso|bilan|r[ée]vision|wiederholung|prüfung|повторение|контрольн\p{L}*|复习|检查点|里程碑|小结|総復習|복습)(?![\p{L}])/iu;
/** The same at a shallower level than the phases, where a project heading is about the phase too (`## Phase 1 project`). */
const followsPhaseAbove = new RegExp(
  `${followsPhase.source}|(?<![\\p{L}])(?:projects?|proyectos?|projetos?|projets?|projekte?|проекты?|项目|プロジェクト|프로젝트)(?![\\p{L}])`,
  'iu',
);

/**
 * A checkpoint, review, exam or capstone heading (`## Phase 1 checkpoint`,
 * `### Review`); `above`: a heading shallower than the phases, where a
 * project heading counts too (`## Phase 1 project`).
 */
export function isCheckpointHeading(text: string, above: boolean): boolean {
  return (above ? followsPhaseAbove : followsPhase).test(text);
}
