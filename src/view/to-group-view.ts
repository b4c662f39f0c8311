import { memberName, weekdays, type GroupConfig } from '../model/group-schema.js';
import { addDays, formatDate, formatTime, formatWeekday, weekdayOf } from '../shared/dates.js';
import { initials, joinId } from '../shared/join-id.js';
import { formatWeeks, resolveLabels, type Labels } from '../model/labels.js';

/** A study group as templates see it. */
export interface ViewGroup {
  name: string;
  members: { name: string; id: string; initials: string; index: number }[];
  /** When the group meets, in the roadmap's language (`Tuesday`, `7:00 PM`), or `null`. */
  meets: { weekday: string; time: string; when: string } | null;
  /** A meeting per week of the roadmap when it has a start date and the group a meeting day; else empty. */
  meetings: ViewMeeting[];
}

export interface ViewMeeting {
  week: number;
  /** `Week 4`, `第4周`: the language's week pattern. */
  weekLabel: string;
  /** ISO date, `2027-01-05`. */
  date: string;
  /** `Tue, Jan 5` in the roadmap's language. */
  dateLabel: string;
  /** `Tue, Jan 5, 7:00 PM` in the roadmap's language. */
  when: string;
}

/**
 * The group's view: members with ids and initials, and its meeting in each
 * week 1..`lastWeek` when the roadmap has a start date (week 1 starts on it;
 * the meeting is that week's first day with the group's weekday). Pure.
 */
export function toGroupView(
  group: GroupConfig | undefined | null,
  { lang, start, lastWeek, labels = resolveLabels(lang) }: { lang: string; start: string | null; lastWeek: number; labels?: Labels },
): ViewGroup | null {
  if (!group) return null;
  const members = group.members.map(memberName).map((name, index) => ({
    name,
    id: joinId([name]) || `member-${index + 1}`,
    initials: initials(name),
    index,
  }));
  if (!group.meets) return { name: group.name, members, meets: null, meetings: [] };
  const day = weekdays.indexOf(group.meets.weekday);
  const time = formatTime(lang, group.meets.time);
  const weekday = formatWeekday(lang, day);
  const meetings: ViewMeeting[] = [];
  for (let week = 1; start && week <= lastWeek; week += 1) {
    const weekStart = addDays(start, (week - 1) * 7);
    const date = addDays(weekStart, (day - weekdayOf(weekStart) + 7) % 7);
    const dateLabel = formatDate(lang, date, 'weekday');
    meetings.push({ week, weekLabel: formatWeeks(labels, week), date, dateLabel, when: `${dateLabel}, ${time}` });
  }
  return { name: group.name, members, meets: { weekday, time, when: `${weekday} ${time}` }, meetings };
}
