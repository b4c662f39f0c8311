import type Handlebars from 'handlebars';
import { countChecked, countDoing, countItems } from './helpers/count-items.js';
import { formatDateHelper, formatDateRangeHelper } from './helpers/format-dates.js';
import { joinId } from '../shared/join-id.js';
import { formatWeeks, resolveLabels, type Labels } from '../model/labels.js';

/** A helper as Handlebars calls it: the arguments, then an options object. */
// biome-ignore lint/suspicious/noExplicitAny: helpers are user code that Handlebars calls with any arguments
export type HelperFunction = (...args: any[]) => unknown;

interface HelperOptions {
  data?: { root?: { lang?: unknown; group?: { meetings?: { week: number }[] } | null }; labels?: Record<string, string> };
}

const options = (args: unknown[]) => (args.at(-1) ?? {}) as HelperOptions;
const lang = (args: unknown[]) => String(options(args).data?.root?.lang ?? 'en');
const words = (args: unknown[]) => options(args).data?.labels ?? {};

/**
 * The built-in helpers every template can use (documented with examples in
 * docs/templates.md). Pure functions of their arguments and the roadmap's
 * language; none returns markup, so Handlebars escapes what they give.
 * No helper shares a name with a field of the view model: Handlebars would
 * call the helper where a template means the field.
 */
export const builtinHelpers: Record<string, HelperFunction> = {
  /** `{{#if (eq kind "phase")}}`: strict equality. */
  eq: (a: unknown, b: unknown) => a === b,
  /** `{{#if (ne kind "phase")}}`: strict inequality. */
  ne: (a: unknown, b: unknown) => a !== b,
  /** `{{plural count "item" "items"}}`: the word that fits the count. */
  plural: (count: number, singular: string, plural: string) => (count === 1 ? singular : plural),
  /** `{{percent part whole}}`: a rounded percentage, `0` when `whole` is 0. */
  percent: (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0),
  /** `{{countItems this}}`: items in a list, item, topic, part or the whole roadmap, nested ones included. */
  countItems: (value: unknown) => countItems(value),
  /** `{{countChecked this}}`: how many of those are ticked. */
  countChecked: (value: unknown) => countChecked(value),
  /** `{{countDoing this}}`: how many of those are in progress (`[~]`). */
  countDoing: (value: unknown) => countDoing(value),
  /** `{{formatDate due "short"}}`: an ISO date in the roadmap's language; styles short, medium (default), long, weekday. */
  formatDate: (...args: unknown[]) => formatDateHelper(args[0], lang(args), args.length > 2 ? String(args[1]) : 'medium'),
  /** `{{dateRange start end}}`: `Jan 4 – 10, 2027` in the roadmap's language. */
  dateRange: (...args: unknown[]) => formatDateRangeHelper(args[0], args[1], lang(args)),
  /** `{{weekRange weeks ongoing}}`: `Weeks 1–3`, `Week 4`, `Ongoing` (with the roadmap's labels) or nothing. */
  weekRange: (...args: unknown[]) => {
    const weeks = args[0] as { start: number; end: number } | null;
    const labels = words(args);
    if (weeks) return formatWeeks({ ...resolveLabels(lang(args)), ...labels } as Labels, weeks.start, weeks.end);
    return args.length > 2 && args[1] === true ? String(labels.ongoing) : '';
  },
  /** `{{label "doneOn"}}`: a word in the roadmap's language, from the roadmap's labels or the template's. */
  label: (...args: unknown[]) => {
    const key = String(args[0]);
    const labels = words(args);
    if (!Object.hasOwn(labels, key)) throw new Error(`unknown label "${key}"; known: ${Object.keys(labels).join(', ')}`);
    return labels[key];
  },
  /** `{{makeId ../id "member" @index}}`: its arguments slugged and joined with `--`, for ids and names. */
  makeId: (...args: unknown[]) => joinId(args.slice(0, -1)),
  /** `{{#each (meetingsFor weeks)}}`: the group's meetings in a week range (none without a group or a start date). */
  meetingsFor: (...args: unknown[]) => {
    const weeks = args[0] as { start: number; end: number } | null;
    const meetings = options(args).data?.root?.group?.meetings ?? [];
    return weeks ? meetings.filter((meeting) => meeting.week >= weeks.start && meeting.week <= weeks.end) : [];
  },
  /** `{{join list ", "}}`: a list's entries joined. */
  join: (list: unknown, separator: unknown) => (Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : ''),
};

/** Register the built-in helpers, then the project's own (which may replace a built-in of the same name). */
export function registerHelpers(handlebars: typeof Handlebars, own: Record<string, HelperFunction> = {}): void {
  for (const [name, helper] of Object.entries({ ...builtinHelpers, ...own })) handlebars.registerHelper(name, helper);
}
