const dateOptions: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', timeZone: 'UTC' };

/** A formatter for `lang`, falling back to English for a tag `Intl` refuses. */
function formatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(lang, options);
  } catch {
    return new Intl.DateTimeFormat('en', options);
  }
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
