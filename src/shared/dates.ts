/**
 * The one date module: calendar dates written `YYYY-MM-DD`, worked out in UTC (no time zone or DST
 * ever shifts a day), and formatted in a roadmap's language with formatters made once.
 */

/** Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`), or `null` when it is not a real calendar date. */
export function parseIsoDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  // `Date.UTC` rolls 2027-02-30 over into March: a real date survives the round trip.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return time / 86_400_000;
}

/** `true` for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** The ISO date `days` days after 1970-01-01. */
export function toIsoDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** A value front matter or a template may hold (`2027-01-04`, or a valid `Date`) as an ISO date, else `null`. */
export function readIsoDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  return typeof value === 'string' && isIsoDate(value) ? value : null;
}

/** The ISO date `count` days after `date`. */
export function addDays(date: string, count: number): string {
  const days = parseIsoDate(date);
  if (days === null) throw new TypeError(`Invalid ISO date ${date}, expected YYYY-MM-DD`);
  return toIsoDate(days + count);
}

/** The day of the week of an ISO date, 0 = Sunday. */
export function weekdayOf(date: string): number {
  return utc(date).getUTCDay();
}

const styles = {
  /** `Jan 4` */
  short: { month: 'short', day: 'numeric', timeZone: 'UTC' },
  /** `Jan 4, 2027` */
  medium: { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' },
  /** `Monday, January 4, 2027` */
  long: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
  /** `Mon, Jan 4` */
  weekday: { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' },
  /** `January 4, 2027`: the date a PDF's footer prints. */
  printed: { dateStyle: 'long', timeZone: 'UTC' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** The styles `formatDate` understands. */
export type DateStyle = keyof typeof styles;

/** Whether `style` names one of the date styles. */
export function isDateStyle(style: string): style is DateStyle {
  return Object.hasOwn(styles, style);
}

/** The names of the date styles, for messages. */
export const dateStyles = Object.keys(styles) as DateStyle[];

const hourMinute: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' };
const weekdayWidths = {
  long: { weekday: 'long', timeZone: 'UTC' },
  short: { weekday: 'short', timeZone: 'UTC' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** Formatters by options object, then by language. */
const formatters = new Map<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

/**
 * A formatter for `lang` and `options`, made once: building one costs far
 * more than using it, and a schedule formats a date for every week. `options`
 * is the cache key, so pass one of this module's constant objects, not a new
 * one per call. A tag `Intl` refuses throws, as `Intl` does.
 */
export function cachedDateTimeFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let byLang = formatters.get(options);
  if (!byLang) {
    byLang = new Map();
    formatters.set(options, byLang);
  }
  let made = byLang.get(lang);
  if (!made) {
    made = new Intl.DateTimeFormat(lang, options);
    byLang.set(lang, made);
  }
  return made;
}

/** A formatter for `lang`, falling back to English for a tag `Intl` refuses. */
function formatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return cachedDateTimeFormat(lang, options);
  } catch {
    return cachedDateTimeFormat('en', options);
  }
}

function utc(date: string | Date): Date {
  return typeof date === 'string' ? new Date(`${date}T00:00:00Z`) : date;
}

/** One date in the roadmap's language: `Jan 4, 2027` (medium), `Jan 4` (short), … (see the styles above). */
export function formatDate(lang: string, date: string | Date, style: DateStyle = 'medium'): string {
  return formatter(lang, styles[style]).format(utc(date));
}

/** Two ISO dates as a range in the roadmap's language: `Jan 4 – 24, 2027`, `4–24 ene 2027`; one date when both are the same. */
export function formatDateRange(lang: string, start: string, end: string): string {
  return formatter(lang, styles.medium).formatRange(utc(start), utc(end));
}

/** `19:00` → `7:00 PM` in `en`, `19:00` in `de`. */
export function formatTime(lang: string, time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return formatter(lang, hourMinute).format(Date.UTC(2000, 0, 1, hours, minutes));
}

/** `Tuesday` (or `Dienstag`…) for a weekday number, 0 = Sunday. */
export function formatWeekday(lang: string, day: number, width: 'long' | 'short' = 'long'): string {
  // 2023-01-01 was a Sunday.
  return formatter(lang, weekdayWidths[width]).format(Date.UTC(2023, 0, 1 + day));
}
