/**
 * Month names in the supported languages (lower case, without accents), by
 * month number: `août`, `agosto`, `Oktober`, `октября`, `Ağustos`.
 */
const monthNames: readonly (readonly string[])[] = [
  ['january', 'jan', 'enero', 'ene', 'janeiro', 'janvier', 'janv', 'januar', 'jänner', 'gennaio', 'ocak', 'январь', 'января', 'янв'],
  ['february', 'feb', 'febrero', 'fevereiro', 'fev', 'fevrier', 'fevr', 'februar', 'febbraio', 'subat', 'февраль', 'февраля', 'фев'],
  ['march', 'mar', 'marzo', 'marco', 'mars', 'marz', 'mart', 'март', 'марта'],
  ['april', 'apr', 'abril', 'abr', 'avril', 'avr', 'aprile', 'nisan', 'апрель', 'апреля', 'апр'],
  ['may', 'mayo', 'maio', 'mai', 'maggio', 'mayis', 'май', 'мая'],
  ['june', 'jun', 'junio', 'junho', 'juin', 'juni', 'giugno', 'haziran', 'июнь', 'июня'],
  ['july', 'jul', 'julio', 'julho', 'juillet', 'juil', 'juli', 'luglio', 'temmuz', 'июль', 'июля'],
  ['august', 'aug', 'agosto', 'ago', 'aout', 'agustos', 'август', 'августа', 'авг'],
  [
    'september',
    'sep',
    'sept',
    'septiembre',
    'setiembre',
    'setembro',
    'set',
    'septembre',
    'settembre',
    'eylul',
    'сентябрь',
    'сентября',
    'сен',
  ],
  ['october', 'oct', 'octubre', 'outubro', 'out', 'octobre', 'oktober', 'okt', 'ottobre', 'ekim', 'октябрь', 'октября', 'окт'],
  ['november', 'nov', 'noviembre', 'novembro', 'novembre', 'kasim', 'ноябрь', 'ноября', 'ноя'],
  ['december', 'dec', 'diciembre', 'dic', 'dezembro', 'dez', 'decembre', 'dezember', 'dicembre', 'aralik', 'декабрь', 'декабря', 'дек'],
];
const monthByName = new Map(monthNames.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));

/** Four digits in a row, which every date pattern below needs. */
const fourDigits = /\d{4}/;
const iso = /(?<![\d.])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/u;
const cjk = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/u;
const korean = /(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/u;
/** `02 Août 2022`, `2 de agosto de 2022`, `2. August 2022`. */
const dayMonthYear = /(?<!\d)(\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})(?!\d)/u;
/** `August 2, 2022`, `Aug 2nd 2022`. */
const monthDayYear = /(?<![\p{L}])(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/u;

/**
 * The calendar date a heading names, as an ISO date (`2025-07-01`): ISO
 * (`2025-07-01`, `2025/07/01`), `2025年7月1日`, `2025년 7월 1일`, or written
 * with a month name in one of the supported languages (`02 Août 2022`,
 * `August 2, 2022`, `2 de agosto de 2022`, `2. August 2022`,
 * `2 августа 2022`). `null` when there is none or it is not a real day.
 */
export function readHeadingDate(text: string): string | null {
  // Every form has a four-digit year: most headings have none.
  if (!fourDigits.test(text)) return null;
  for (const pattern of [iso, cjk, korean]) {
    const match = pattern.exec(text);
    if (match) return toIso(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  const written = dayMonthYear.exec(text);
  if (written) {
    const month = monthByName.get(fold(written[2]!));
    if (month) return toIso(Number(written[3]), month, Number(written[1]));
  }
  const american = monthDayYear.exec(text);
  if (american) {
    const month = monthByName.get(fold(american[1]!));
    if (month) return toIso(Number(american[3]), month, Number(american[2]));
  }
  return null;
}

/** Lower case without accents: `Août` → `aout`, `Ağustos` → `agustos`. */
function fold(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i');
}

function toIso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900) return null;
  return date.toISOString().slice(0, 10);
}

/** Whole days from ISO date `from` to ISO date `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
