const dateOptions: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', timeZone: 'UTC' };

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A formatter for `lang`, falling back to English for a tag `Intl` refuses.
 * Made once per language and options: building one costs far more than using it.
 */
function formatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}\u0000${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    try {
      made = new Intl.DateTimeFormat(lang, options);
    } catch {
      made = new Intl.DateTimeFormat('en', options);
    }
    formatters.set(key, made);
  }
  return made;
}

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Two ISO dates as a range in the roadmap's language: `Jan 4 – 24, 2027`, `4–24 ene 2027`. */
export function formatDateRange(lang: string, start: string, end: string): string {
  return formatter(lang, { ...dateOptions, year: 'numeric' }).formatRange(toDate(start), toDate(end));
}

/** One ISO date in the roadmap's language, with its year only when asked: `Jan 10`, `10 ene`, `Jan 10, 2027`. */
export function formatDate(lang: string, date: string, withYear = false): string {
  return formatter(lang, withYear ? { ...dateOptions, year: 'numeric' } : dateOptions).format(toDate(date));
}
