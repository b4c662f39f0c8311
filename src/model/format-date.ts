const dayMonth: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', timeZone: 'UTC' };
const dayMonthYear: Intl.DateTimeFormatOptions = { ...dayMonth, year: 'numeric' };

/** Formatters by options (one of the two above), then by language. */
const formatters = new Map<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

/**
 * A formatter for `lang`, falling back to English for a tag `Intl` refuses.
 * Made once per language and options: building one costs far more than using it.
 */
function formatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let byLang = formatters.get(options);
  if (!byLang) formatters.set(options, (byLang = new Map()));
  let made = byLang.get(lang);
  if (!made) {
    try {
      made = new Intl.DateTimeFormat(lang, options);
    } catch {
      made = new Intl.DateTimeFormat('en', options);
    }
    byLang.set(lang, made);
  }
  return made;
}

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Two ISO dates as a range in the roadmap's language: `Jan 4 – 24, 2027`, `4–24 ene 2027`. */
export function formatDateRange(lang: string, start: string, end: string): string {
  return formatter(lang, dayMonthYear).formatRange(toDate(start), toDate(end));
}

/** One ISO date in the roadmap's language, with its year only when asked: `Jan 10`, `10 ene`, `Jan 10, 2027`. */
export function formatDate(lang: string, date: string, withYear = false): string {
  return formatter(lang, withYear ? dayMonthYear : dayMonth).format(toDate(date));
}
