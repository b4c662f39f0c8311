const dayMonth: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', timeZone: 'UTC' };
const dayMonthYear: Intl.DateTimeFormatOptions = { ...dayMonth, year: 'numeric' };

/** Formatters by options object, then by language. */
const formatters = new Map<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

/**
 * A formatter for `lang` and `options`, made once: building one costs far
 * more than using it, and a schedule formats a date for every week. `options`
 * is the cache key, so pass one of a module's constant objects, not a new one
 * per call. A tag `Intl` refuses throws, as `Intl` does.
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
