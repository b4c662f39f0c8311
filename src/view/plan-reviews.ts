import type { ScheduledWeek } from '../model/roadmap.js';
import type { TemplateData } from './to-template-data.js';
import type { ViewItem } from './to-view-model.js';
import type { ViewWeek } from './to-week-rows.js';
import { addDays, formatDateRange } from '../shared/dates.js';
import { formatWeeks } from '../model/labels.js';

/** A review: the items of one week, looked at again `days` after that week ends. */
export interface Review {
  /** The week whose items are reviewed. */
  week: number;
  days: number;
  /** ISO date of the review: the week's last day plus `days`. */
  date: string;
  items: { id: string; text: string }[];
}

/** An item as far as reviews need it: its week and text. */
interface WeekItem {
  id: string;
  text: string;
  week: number | null;
}

/**
 * Spaced reviews (config `review: [1, 7, 30]`): each week's items again 1, 7
 * and 30 days after the week ends. Only weeks that have items and dates; in
 * date order (then week, then offset). Pure.
 */
export function planReviews(schedule: readonly ScheduledWeek[], items: readonly WeekItem[], offsets: readonly number[]): Review[] {
  const byWeek = new Map<number, { id: string; text: string }[]>();
  for (const item of items) {
    if (item.week === null) continue;
    const list = byWeek.get(item.week) ?? [];
    list.push({ id: item.id, text: item.text });
    byWeek.set(item.week, list);
  }
  const reviews: Review[] = [];
  for (const entry of schedule) {
    const reviewed = byWeek.get(entry.week);
    if (!reviewed) continue;
    for (const days of [...new Set(offsets)].sort((a, b) => a - b)) {
      reviews.push({ week: entry.week, days, date: addDays(entry.end, days), items: reviewed });
    }
  }
  return reviews.sort((a, b) => a.date.localeCompare(b.date) || a.week - b.week || a.days - b.days);
}

/** A review as the planner shows it in a week's row. */
export interface ViewReview extends Review {
  /** `Week 2 · +7 days`. */
  title: string;
}

/**
 * The planner's week rows with `reviews`: each row lists the reviews that
 * fall in it; rows are added after the plan for late ones. The data also gets
 * `reviews`, all of them in date order.
 */
export function addReviewRows(data: TemplateData, offsets: readonly number[]): TemplateData {
  const first = data.schedule[0];
  if (!first) return data;
  // Week 1's first day, from the schedule.
  const origin = addDays(first.start, -(first.week - 1) * 7);
  const items = data.parts.flatMap((part) => part.topics.flatMap((topic) => topic.items)) as ViewItem[];
  const reviews = planReviews(data.schedule, items, offsets);
  const rows: (ViewWeek & { reviews: ViewReview[] })[] = data.weekRows.map((row) => ({ ...row, reviews: [] }));
  const weekOf = (date: string) => Math.floor((Date.parse(date) - Date.parse(origin)) / 86_400_000 / 7) + 1;
  for (const review of reviews) {
    const week = weekOf(review.date);
    let row = rows.find((candidate) => candidate.week === week);
    if (!row) {
      // Dated like the other rows (see to-week-rows).
      const start = data.start ? addDays(data.start, (week - 1) * 7) : null;
      const end = start ? addDays(start, 6) : null;
      row = {
        week,
        weekLabel: formatWeeks(data.labels, week),
        start,
        end,
        dateLabel: start && end ? formatDateRange(data.lang, start, end) : null,
        meeting: null,
        parts: [],
        itemCount: 0,
        reviews: [],
      };
      rows.push(row);
      rows.sort((a, b) => a.week - b.week);
    }
    row.reviews.push({
      ...review,
      title: `${formatWeeks(data.labels, review.week)} · +${review.days} ${review.days === 1 ? 'day' : 'days'}`,
    });
  }
  return { ...data, weekRows: rows, reviews } as TemplateData;
}
