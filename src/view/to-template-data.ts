import type { GroupConfig } from '../model/group-schema.js';
import { findStartDate } from './find-start-date.js';
import { toGroupView, type ViewGroup } from './to-group-view.js';
import type { ViewModel } from './to-view-model.js';
import { toWeekRows, type ViewWeek } from './to-week-rows.js';

/** What a roadmap template receives: the view model, plus the study group and the week-by-week rows. */
export interface TemplateData extends ViewModel {
  /** The roadmap's start date (`2027-01-04`; week 1 starts on it), or `null`. */
  start: string | null;
  /** The last day of the last planned week, or `null` without a start date. */
  end: string | null;
  /** Config `group`, or `null` without one. */
  group: ViewGroup | null;
  /** Every week covered by a dated phase, with its dates, meeting and items. */
  weekRows: ViewWeek[];
}

/** Add the group and the weeks to a view model. Pure. */
export function toTemplateData(view: ViewModel, { group }: { group?: GroupConfig | null } = {}): TemplateData {
  const start = findStartDate(view);
  const lastWeek = Math.max(0, ...view.phases.map((part) => part.weeks?.end ?? 0));
  const groupView = toGroupView(group, { lang: view.lang, start, lastWeek, labels: view.labels });
  const weekRows = toWeekRows(view, start, groupView?.meetings ?? []);
  return { ...view, start, end: weekRows.at(-1)?.end ?? null, group: groupView, weekRows };
}
