import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { RoadmapItem, RoadmapPhase, RoadmapTopic, WeekRange } from '../../model/roadmap.js';
import { distributeWeeks } from '../distribute-weeks.js';
import { layOutUndatedPhases } from '../lay-out-undated-phases.js';
import { defaultWeeksPerMonth, parseWeekRange, stripWeekRange, type WeekNotation } from '../parse-week-range.js';
import { resolveSetting } from '../settings.js';

/** Longest week range taken at face value (about ten years). */
export const maxWeek = 520;

/**
 * Read each phase's week range from its heading (`(Weeks 1-3)`, `(Months
 * 2-3)`, `(Ongoing)`, `第1-2周`) and each topic's (`### Week 5: Traits`), then
 * give every item a week: a topic's own weeks win over its phase's; items of
 * undated or ongoing phases and topics keep `week: null`. A phase whose
 * heading has no weeks but whose topics do spans them; with `weeksPerPhase`,
 * the remaining undated phases are laid out after the last dated one.
 * Sub-items share the week of their parent.
 */
const remarkWeekNumbers: Plugin<[], Root> = () => (_tree, file) => {
  const roadmap = file.data.roadmap;
  if (!roadmap) return;
  const matter = file.data.matter ?? {};
  const layers = file.data.settings ?? {};
  const weeksPerMonth = resolveSetting('weeksPerMonth', layers, matter) ?? defaultWeeksPerMonth;
  const weeksPerPhase = resolveSetting('weeksPerPhase', layers, matter);
  const broken = new Set<RoadmapPhase>();

  for (const phase of roadmap.phases) {
    const notation = parseWeekRange(phase.heading, { weeksPerMonth });
    if (notation) {
      phase.title = stripWeekRange(phase.heading, notation);
      phase.ongoing = notation.ongoing;
      if (notation.weeks) {
        if (checkRange(file, notation, phase.line, weeksPerMonth)) phase.weeks = notation.weeks;
        else broken.add(phase);
      }
    }
    for (const topic of phase.topics) readTopicWeeks(file, topic, weeksPerMonth);
    if (!notation) phase.weeks = spanOf(phase.topics.flatMap((topic) => (topic.weeks ? [topic.weeks] : [])));
  }
  if (weeksPerPhase !== undefined) layOutUndatedPhases(roadmap.phases, weeksPerPhase, broken);
  for (const phase of roadmap.phases) assignWeeks(phase);
};

export default remarkWeekNumbers;

function readTopicWeeks(file: VFile, topic: RoadmapTopic, weeksPerMonth: number) {
  if (topic.title === null) return;
  const notation = parseWeekRange(topic.title, { weeksPerMonth });
  if (!notation) return;
  topic.title = stripWeekRange(topic.title, notation);
  if (notation.ongoing) topic.ongoing = true;
  else if (notation.weeks && checkRange(file, notation, topic.line, weeksPerMonth)) topic.weeks = notation.weeks;
}

/** Report a reversed or impossible range (`week-range`, an error); `true` when the range is usable. */
function checkRange(file: VFile, notation: WeekNotation, line: number, weeksPerMonth: number): boolean {
  const { weeks, written, unit } = notation;
  if (!weeks || !written || !unit) return false;
  const place = { line, column: 1 };
  const range = written.start === written.end ? `${written.start}` : `range ${written.start}-${written.end}`;
  const most = unit === 'week' ? maxWeek : unit === 'month' ? Math.floor(maxWeek / weeksPerMonth) : maxWeek * 7;
  let reason: string | null = null;
  if (weeks.start < 1 || weeks.end > maxWeek || written.start < 1) {
    reason = `Unexpected ${unit} ${range}, expected ${unit}s between 1 and ${most}`;
  } else if (written.start > written.end) {
    reason = `Unexpected ${unit} ${range}, expected start ≤ end`;
  }
  if (reason === null) return true;
  const message = file.message(reason, { place, ruleId: 'week-range', source: 'roadmap-press' });
  message.fatal = true;
  return false;
}

function spanOf(ranges: WeekRange[]): WeekRange | null {
  if (ranges.length === 0) return null;
  return { start: Math.min(...ranges.map((r) => r.start)), end: Math.max(...ranges.map((r) => r.end)) };
}

function assignWeeks(phase: RoadmapPhase) {
  for (const topic of phase.topics) {
    if (topic.weeks) spread(topic.items, topic.weeks);
  }
  if (!phase.weeks) return;
  spread(
    phase.topics.filter((topic) => !topic.weeks && !topic.ongoing).flatMap((topic) => topic.items),
    phase.weeks,
  );
}

function spread(items: RoadmapItem[], range: WeekRange) {
  const weeks = distributeWeeks(items.length, range);
  for (const [index, item] of items.entries()) setWeek(item, weeks[index] ?? null);
}

function setWeek(item: RoadmapItem, week: number | null) {
  item.week = week;
  for (const child of item.children) setWeek(child, week);
}
