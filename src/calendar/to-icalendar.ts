import { formatWeeks, resolveLabels, type Labels } from '../model/labels.js';
import type { Roadmap, RoadmapItem } from '../model/roadmap.js';
import { slugify } from '../shared/create-item-id.js';
import { planReviews } from '../view/plan-reviews.js';
import { addDays } from '../shared/dates.js';
import { escapeICalText, foldICalLine } from './fold-ical-line.js';

export interface ICalendarOptions {
  /** When the calendar was made (`DTSTAMP`); default now. */
  stamp?: Date;
  /** Start of every event's UID, unique per roadmap (default: the title as a slug). */
  uidPrefix?: string;
  /** Words for summaries (default: the roadmap's language). */
  labels?: Labels;
  /** `PRODID` product name and version. */
  generator?: string;
  /** Config `review`: days after each week's end to review its items again; an event each. */
  review?: readonly number[];
}

/**
 * A scheduled roadmap as an iCalendar file (RFC 5545): one all-day event per
 * phase and week, summary `Phase 1: Fundamentals — Week 2`, description the
 * week's items as a checklist; UIDs are stable (made from the roadmap's and
 * phase's ids and the week number), lines folded, CRLF line ends. `null` when
 * the roadmap has no schedule (no start date).
 */
export function toICalendar(roadmap: Roadmap, options: ICalendarOptions = {}): string | null {
  if (!roadmap.schedule) return null;
  const labels = options.labels ?? resolveLabels(roadmap.lang);
  const prefix = options.uidPrefix ?? (slugify(roadmap.title) || 'roadmap');
  const stamp = (options.stamp ?? new Date())
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const dates = new Map(roadmap.schedule.map((entry) => [entry.week, entry]));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//roadmap-press//${escapeICalText(options.generator ?? 'roadmap-press')}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeICalText(roadmap.title)}`,
  ];
  for (const phase of roadmap.phases) {
    const items = phase.topics.flatMap((topic) => topic.items);
    const weeks = new Set<number>();
    if (phase.weeks) for (let week = phase.weeks.start; week <= phase.weeks.end; week += 1) weeks.add(week);
    for (const item of items) if (item.week !== null) weeks.add(item.week);
    for (const week of [...weeks].sort((a, b) => a - b)) {
      const dated = dates.get(week);
      if (!dated) continue;
      const description = items
        .filter((item) => item.week === week)
        .flatMap((item) => describe(item, 0))
        .join('\n');
      lines.push(
        'BEGIN:VEVENT',
        `UID:${prefix}--${phase.id}--week-${week}@roadmap-press`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${dated.start.replace(/-/g, '')}`,
        `DTEND;VALUE=DATE:${addDays(dated.end, 1).replace(/-/g, '')}`,
        `SUMMARY:${escapeICalText(`${phase.title} — ${formatWeeks(labels, week)}`)}`,
        ...(description ? [`DESCRIPTION:${escapeICalText(description)}`] : []),
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    }
  }
  if (options.review) {
    const items = [...roadmap.phases, ...roadmap.sections].flatMap((part) => part.topics.flatMap((topic) => topic.items));
    const byId = new Map(items.map((item) => [item.id, item]));
    for (const review of planReviews(roadmap.schedule, items, options.review)) {
      const description = review.items.flatMap((item) => describe(byId.get(item.id)!, 0)).join('\n');
      lines.push(
        'BEGIN:VEVENT',
        `UID:${prefix}--review--week-${review.week}--${review.days}d@roadmap-press`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${review.date.replace(/-/g, '')}`,
        `DTEND;VALUE=DATE:${addDays(review.date, 1).replace(/-/g, '')}`,
        `SUMMARY:${escapeICalText(`↻ ${formatWeeks(labels, review.week)} (+${review.days} d)`)}`,
        `DESCRIPTION:${escapeICalText(description)}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldICalLine).join('');
}

/** `[ ] text` / `[x] text`, sub-items indented. */
function describe(item: RoadmapItem, depth: number): string[] {
  const cells = item.cells?.filter(Boolean).join(' · ');
  const line = `${'  '.repeat(depth)}[${item.checked ? 'x' : ' '}] ${item.text}${cells ? ` (${cells})` : ''}`;
  return [line, ...item.children.flatMap((child) => describe(child, depth + 1))];
}
