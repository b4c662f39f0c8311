/**
 * The words of week notations, in English, Spanish, Portuguese, French,
 * German, Russian, Italian and Turkish (regular-expression fragments, matched case-insensitively
 * as whole words). Chinese notations (`第1-2周`) have their own pattern in
 * parse-week-range.ts.
 */

/** `Week`, `Wk.`, `Semana`, `Semaine`, `Woche`, `Неделя`, `Нед.` and their plurals and cases. */
export const weekWords = [
  'weeks?',
  'wks?\\.?',
  'semanas?',
  'semaines?',
  'wochen?',
  'недел[яиьюе]',
  'нед\\.?',
  'settiman[ae]',
  'hafta',
] as const;

/** `Month`, `Mes`, `Mês`, `Mois`, `Monat`, `Месяц` and their plurals and cases. */
export const monthWords = [
  'months?',
  'mes(?:es)?',
  'mês',
  'mois',
  'monat(?:e|en)?',
  'месяц(?:а|ы|ев|е)?',
  'мес\\.?',
  'mes[ei]',
  'ay',
] as const;

/** `Day`, `Día`, `Dia`, `Jour`, `Tag`, `День` and their plurals and cases. */
export const dayWords = ['days?', 'd[ií]as?', 'jours?', 'tag(?:e|en)?', 'день', 'дн(?:и|я|ей)', 'giorn[oi]', 'gün'] as const;

/**
 * Words written after their number: Turkish `1. Hafta`, `2. Ay`, `3. Gün`
 * (the ordinal dot is required: `2 hafta` is a duration), Korean `1주`,
 * `1주차`, `2개월`, `3일차` and Japanese `1週目`, `2ヶ月目`, `3日目`.
 */
export const suffixWords: Readonly<Record<'week' | 'month' | 'day', string>> = {
  week: String.raw`\.\s*hafta|주차|주(?!일)|週目`,
  month: String.raw`\.\s*ay(?![\p{L}])|개월차?|[ヶか]月目`,
  day: String.raw`\.\s*gün|일차|日目`,
};

/** Words joining the two ends of a range besides dashes: `Weeks 1 to 3`, `Semanas 1 a 3`, `Wochen 1 bis 3`, `Недели 1 по 3`. */
export const rangeWords = [
  'to',
  'through',
  'thru',
  'until',
  'a',
  'al',
  'hasta',
  'até',
  'à',
  'au',
  'bis',
  'по',
  'до',
  'fino a',
  'ile',
] as const;

/** Words that make a phase ongoing when in parentheses or at the end after a separator: `(Ongoing)`, `— Laufend`. */
export const ongoingPhrases = [
  'ongoing',
  'continuous',
  'continuing',
  'throughout',
  'always',
  'continu[oa]',
  'contínu[oa]',
  'en curso',
  'em andamento',
  'permanente?',
  'siempre',
  'sempre',
  'en continu',
  'tout au long',
  'toujours',
  'laufend',
  'fortlaufend',
  'kontinuierlich',
  'durchgehend',
  'begleitend',
  'dauerhaft',
  'immer',
  'постоянно',
  'непрерывно',
  'всегда',
  'continuativ[oa]',
  'in corso',
  'sürekli',
  'devamlı',
  '継続',
  '常時',
  '지속',
  '상시',
  'на протяжении',
  'в течение всего',
  '持续',
  '長期',
  '长期',
  '贯穿始终',
  '全程',
  '始终',
] as const;

/** Words that make a phase ongoing when they start its heading: `Ongoing practice`, `Laufend: Übung`. */
export const ongoingStarts = [
  'ongoing',
  'continuous',
  'continu[oa]',
  'contínu[oa]',
  'en continu',
  'laufend',
  'fortlaufend',
  'постоянно',
  '持续',
] as const;
