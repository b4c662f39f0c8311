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

/** The ISO date `days` days after 1970-01-01 (UTC, so no time zone or DST shifts a day). */
export function toIsoDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** The ISO date `count` days after `date`. */
export function addDays(date: string, count: number): string {
  const days = parseIsoDate(date);
  if (days === null) throw new TypeError(`Invalid ISO date ${date}, expected YYYY-MM-DD`);
  return toIsoDate(days + count);
}
