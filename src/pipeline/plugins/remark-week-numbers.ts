import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { RoadmapItem, RoadmapPhase } from '../../model/roadmap.js';
import { distributeWeeks } from '../distribute-weeks.js';
import { parseWeekRange, stripWeekRange } from '../parse-week-range.js';

/** Longest week range taken at face value (about ten years). */
const maxWeek = 520;

/**
 * Read each phase's week range from its heading (`(Weeks 1-3)`, `(Week 4)`,
 * `(Ongoing)`) and give every item of a dated phase a week in that range;
 * items of undated or ongoing phases keep `week: null`. Sub-items share the
 * week of their parent.
 */
const remarkWeekNumbers: Plugin<[], Root> = function () {
  return function (_tree, file) {
    const roadmap = file.data.roadmap;
    if (!roadmap) return;
    for (const phase of roadmap.phases) {
      const notation = parseWeekRange(phase.heading);
      if (!notation) continue;
      phase.title = stripWeekRange(phase.heading, notation);
      phase.ongoing = notation.ongoing;
      const weeks = notation.weeks;
      if (!weeks) continue;
      const place = { line: phase.line, column: 1 };
      if (weeks.start < 1 || weeks.end > maxWeek) {
        const message = file.message(
          `Unexpected week range ${weeks.start}-${weeks.end}, expected weeks between 1 and ${maxWeek}`,
          { place, ruleId: 'week-range', source: 'roadmap-press' },
        );
        message.fatal = true;
        continue;
      }
      if (weeks.start > weeks.end) {
        const message = file.message(
          `Unexpected week range ${weeks.start}-${weeks.end}, expected start ≤ end`,
          { place, ruleId: 'week-range', source: 'roadmap-press' },
        );
        message.fatal = true;
        continue;
      }
      phase.weeks = weeks;
      assignWeeks(phase);
    }
  };
};

export default remarkWeekNumbers;

function assignWeeks(phase: RoadmapPhase) {
  if (!phase.weeks) return;
  const items = phase.topics.flatMap((topic) => topic.items);
  const weeks = distributeWeeks(items.length, phase.weeks);
  items.forEach((item, index) => setWeek(item, weeks[index] ?? null));
}

function setWeek(item: RoadmapItem, week: number | null) {
  item.week = week;
  for (const child of item.children) setWeek(child, week);
}
