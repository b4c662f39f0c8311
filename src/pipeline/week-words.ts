/**
 * The words of week notations, in English, Spanish, Portuguese, French,
 * German and Russian (regular-expression fragments, matched case-insensitively
 * as whole words). Chinese notations (`第1-2周`) have their own pattern in
 * parse-week-range.ts.
 */

/** `Week`, `Wk.`, `Semana`, `Semaine`, `Woche`, `Неделя`, `Нед.` and their plurals and cases. */
export const weekWords = ['weeks?', 'wks?\\.?', 'semanas?', 'semaines?', 'wochen?', 'недел[яиьюе]', 'нед\\.?'] as const;

/** `Month`, `Mes`, `Mês`, `Mois`, `Monat`, `Месяц` and their plurals and cases. */
export const monthWords = ['months?', 'mes(?:es)?', 'mês', 'mois', 'monat(?:e|en)?', 'месяц(?:а|ы|ев|е)?', 'мес\\.?'] as const;

/** `Day`, `Día`, `Dia`, `Jour`, `Tag`, `День` and their plurals and cases. */
export const dayWords = ['days?', 'd[ií]as?', 'jours?', 'tag(?:e|en)?', 'день', 'дн(?:и|я|ей)'] as const;

/** Words joining the two ends of a range besides dashes: `Weeks 1 to 3`, `Semanas 1 a 3`, `Wochen 1 bis 3`, `Недели 1 по 3`. */
export const rangeWords = ['to', 'through', 'thru', 'until', 'a', 'al', 'hasta', 'até', 'à', 'au', 'bis', 'по', 'до'] as const;

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
