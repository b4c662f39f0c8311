import { parseWeekRange } from '../parse-week-range.js';
import { dayWords, monthWords, weekWords } from '../week-words.js';
import type { LintRule } from './lint-rule.js';

const unit = [...weekWords, ...monthWords, ...dayWords].join('|');
const numberWords =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|first|second|third|fourth|fifth|last|uno|dos|tres|um|dois|três|un|deux|trois|eins|zwei|drei|один|два|три|I|II|III|IV|V|VI|VII|VIII|IX|X';
/** A time word followed by something number-like: `Weeks one to three`, `Week 2021`, `Weeks: 1-3`, `第?周`. */
const looksDated = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${unit})\s*[:#.]?\s*(?:\d|(?:${numberWords})(?![\p{L}\p{N}]))|第\s*\S{1,6}?\s*(?:周|週|个月|個月|天)`,
  'iu',
);

/** A phase, section or topic heading that looks dated but whose date could not be read. */
export const unparsedWeek: LintRule = {
  id: 'unparsed-week',
  check(roadmap, report) {
    const headings = [
      ...roadmap.phases.map((phase) => ({ text: phase.heading, line: phase.line, topics: phase.topics })),
      ...roadmap.sections.map((section) => ({ text: section.title, line: section.line, topics: section.topics })),
    ];
    for (const heading of headings) {
      check(heading.text, heading.line);
      for (const topic of heading.topics) check(topic.weeks || topic.ongoing ? null : topic.title, topic.line);
    }

    function check(text: string | null, line: number) {
      if (text === null || !looksDated.test(text) || parseWeekRange(text) !== null) return;
      report(
        'warning',
        `Unexpected date notation in heading \`${text}\`, expected weeks such as \`Weeks 1-3\`, \`Month 2\` or \`Days 1-30\``,
        line,
      );
    }
  },
};
