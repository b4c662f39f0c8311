import { formatWeeks } from '../model/labels.js';
import { addDays, formatDateRange } from '../shared/dates.js';
import type { ViewMeeting } from './to-group-view.js';
import type { ViewItem, ViewModel, ViewPart } from './to-view-model.js';

/** One week of the roadmap, for week-by-week templates such as the planner. */
export interface ViewWeek {
  week: number;
  /** `Week 4`, `第4周`: the language's week pattern. */
  weekLabel: string;
  /** ISO dates of the week's first and last day when the roadmap has a start date, else `null`. */
  start: string | null;
  end: string | null;
  /** `Jan 25 – 31, 2027` in the roadmap's language, or `null`. */
  dateLabel: string | null;
  /** The group's meeting that week, or `null`. */
  meeting: ViewMeeting | null;
  /** The phases with items planned that week, each with those items (sub-items stay under their parent). */
  parts: { id: string; title: string | null; items: ViewItem[] }[];
  itemCount: number;
}

/**
 * Every week covered by a dated phase, in order, with the items planned for
 * it. Weeks without items still get a row. Pure; one pass over the items,
 * however many weeks the roadmap spans.
 */
export function toWeekRows(view: ViewModel, start: string | null, meetings: ViewMeeting[]): ViewWeek[] {
  const numbers = new Set<number>();
  for (const part of view.phases) {
    if (!part.weeks) continue;
    for (let week = part.weeks.start; week <= part.weeks.end; week += 1) numbers.add(week);
  }
  const itemsByWeek = groupItemsByWeek(view.parts);
  const meetingByWeek = new Map(meetings.map((meeting) => [meeting.week, meeting]));
  return [...numbers]
    .sort((a, b) => a - b)
    .map((week) => {
      const parts = [...(itemsByWeek.get(week) ?? [])].map(([part, items]) => ({ id: part.id, title: part.title, items }));
      const from = start ? addDays(start, (week - 1) * 7) : null;
      const to = from ? addDays(from, 6) : null;
      return {
        week,
        weekLabel: formatWeeks(view.labels, week),
        start: from,
        end: to,
        dateLabel: from && to ? formatDateRange(view.lang, from, to) : null,
        meeting: meetingByWeek.get(week) ?? null,
        parts,
        itemCount: parts.reduce((sum, part) => sum + part.items.length, 0),
      };
    });
}

/** Each week's top-level items, by part, both in document order. */
function groupItemsByWeek(parts: ViewPart[]): Map<number, Map<ViewPart, ViewItem[]>> {
  const byWeek = new Map<number, Map<ViewPart, ViewItem[]>>();
  for (const part of parts) {
    for (const topic of part.topics) {
      for (const item of topic.items) {
        if (item.week === null) continue;
        let byPart = byWeek.get(item.week);
        if (!byPart) {
          byPart = new Map();
          byWeek.set(item.week, byPart);
        }
        let items = byPart.get(part);
        if (!items) {
          items = [];
          byPart.set(part, items);
        }
        items.push(item);
      }
    }
  }
  return byWeek;
}
