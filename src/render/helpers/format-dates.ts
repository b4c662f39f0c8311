/** The date helpers of templates: they check what a template hands them, then format through the one date module. */
import { dateStyles, formatDate, formatDateRange, isDateStyle, readIsoDate } from '../../shared/dates.js';

/** `{{formatDate due "short"}}`: `''` for no date; a value that is not a date, or an unknown style, throws. */
export function formatDateHelper(value: unknown, lang: string, style = 'medium'): string {
  if (value === null || value === undefined || value === '') return '';
  const date = readIsoDate(value);
  if (!date) throw new Error(`expected an ISO date such as 2027-01-04, got ${JSON.stringify(value)}`);
  const templateStyles = dateStyles.filter((name) => name !== 'printed');
  if (!isDateStyle(style) || style === 'printed')
    throw new Error(`unknown date style "${style}", expected one of ${templateStyles.join(', ')}`);
  return formatDate(lang, date, style);
}

/** `{{dateRange start end}}`: `Jan 4 – 10, 2027`; `''` when either is missing. */
export function formatDateRangeHelper(start: unknown, end: unknown, lang: string): string {
  if (start == null || end == null) return '';
  const from = readIsoDate(start);
  const to = readIsoDate(end);
  if (!from || !to) throw new Error(`expected ISO dates such as 2027-01-04, got ${JSON.stringify(start)} and ${JSON.stringify(end)}`);
  return formatDateRange(lang, from, to);
}
