import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { flattenItems } from '../../model/flatten-items.js';
import { scheduleWeek } from '../schedule-week.js';
import { resolveSetting } from '../../model/settings.js';

/**
 * Turn weeks into dates when the roadmap has a start date (front matter
 * `start`, config `start` or `--start`): week 1 starts on it, each week is
 * seven days; a roadmap of dated headings (`## 2025-07-01`) starts on the
 * earliest. The roadmap gains `start` and `schedule` (every week a phase,
 * topic or item is planned for), every dated item its `due` date (the last day
 * of its week, or of its last week when it names several). Without a start date nothing is dated: no guesses.
 */
const remarkRoadmapSchedule: Plugin<[], Root> = () => (_tree, file) => {
  const roadmap = file.data.roadmap;
  const start = resolveSetting('start', file.data.settings ?? {}, file.data.matter ?? {}) ?? file.data.datedStart;
  if (!roadmap || start === undefined) return;
  const weeks = new Set<number>();
  const addRange = (range: { start: number; end: number } | null | undefined) => {
    if (range) for (let week = range.start; week <= range.end; week += 1) weeks.add(week);
  };
  const items = flattenItems([...roadmap.phases, ...roadmap.sections].flatMap((group) => group.topics.flatMap((topic) => topic.items)));
  for (const phase of roadmap.phases) addRange(phase.weeks);
  for (const group of [...roadmap.phases, ...roadmap.sections]) for (const topic of group.topics) addRange(topic.weeks);
  for (const item of items) {
    if (item.week !== null) weeks.add(item.week);
    addRange(item.weeks);
  }

  const schedule = [...weeks].sort((a, b) => a - b).map((week) => scheduleWeek(start, week));
  const byWeek = new Map(schedule.map((entry) => [entry.week, entry]));
  for (const item of items) {
    // An item of several weeks (`- Weeks 7–8: …`) is due at the end of its last.
    const entry = item.week === null ? undefined : byWeek.get(item.weeks?.end ?? item.week);
    if (entry) item.due = entry.end;
  }
  roadmap.start = start;
  roadmap.schedule = schedule;
};

export default remarkRoadmapSchedule;
