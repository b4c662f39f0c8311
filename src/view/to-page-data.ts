import type { GroupConfig } from '../model/group-schema.js';
import type { PageLayout } from '../model/page-layout.js';
import { itemsOf } from '../model/flatten-items.js';
import { applyGroupProgress, type GroupProgress } from './apply-group-progress.js';
import type { LinkNotes } from './number-links.js';
import { addReviewRows } from './plan-reviews.js';
import { toChecklistView, type ChecklistView } from './to-checklist-view.js';
import { toTemplateData, type TemplateData } from './to-template-data.js';
import type { ViewModel } from './to-view-model.js';

/** What a roadmap's pages are made with besides its view model: the build's settings. */
export interface PageSettings {
  /** Config `group`, else `null`. */
  group: GroupConfig | null;
  /** Config `review`: days after each week's end to review its items; `null`: none. */
  review: number[] | null;
  /** `merge`: each member's progress, ticked in the study-group's member columns; `null` for a plain build. */
  groupProgress: GroupProgress | null;
  layout: PageLayout;
  /** The build's fixed date (`SOURCE_DATE_EPOCH`, else front matter `date`), else `null`. */
  date: Date | null;
}

/** What a roadmap template receives: the template data (group, week rows, reviews, members' progress) and `print`. */
export type PageData = TemplateData & Pick<ChecklistView, 'print'>;

/**
 * The handout's data: the view model with its dates and group, the planner's reviews, the members'
 * progress (`merge`), and the print settings (no links listed). Every template, HTML or PDF, sees
 * the same data; the checklist adds its links and boxes ({@link toChecklistData}). Pure.
 */
export function toHandoutData(view: ViewModel, settings: PageSettings): PageData {
  return { ...toGroupData(view, settings), print: toChecklistView(view, settings.layout, settings.date).print };
}

/** What the printed checklist is made with: its template data, and the boxes that start ticked. */
export interface ChecklistData {
  data: PageData;
  /** Ids of the boxes that start ticked: the `[x]` items', then the member boxes of what each member did (`merge`). */
  checked: string[];
}

/**
 * The checklist's data: the handout's, with the links listed on paper (`links`, from
 * `numberLinks`) and the boxes linked to `fieldPrefix`. Pure.
 */
export function toChecklistData(view: ViewModel, settings: PageSettings, print: { links?: LinkNotes; fieldPrefix: string }): ChecklistData {
  // The view model's own fields are spread last, over the template data's (as `toChecklistView` gives them,
  // `print` included: the handout's is not made first only to be replaced).
  const data = {
    ...toGroupData(view, settings),
    ...toChecklistView(view, settings.layout, settings.date, print.links, print.fieldPrefix),
  } as PageData & { groupFields?: string[] };
  const ticked = itemsOf(view.parts)
    .filter((item) => item.checked)
    .map((item) => item.id);
  return { data, checked: data.groupFields ? [...ticked, ...data.groupFields] : ticked };
}

/** The view model with its dates and group, the reviews and the members' progress. */
function toGroupData(view: ViewModel, { group, review, groupProgress }: PageSettings): TemplateData {
  const data = toTemplateData(view, { group });
  const reviewed = review ? addReviewRows(data, review) : data;
  return groupProgress ? applyGroupProgress(reviewed, groupProgress) : reviewed;
}
