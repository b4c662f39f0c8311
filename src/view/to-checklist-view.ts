import { randomBytes } from 'node:crypto';
import type { ViewModel } from './to-view-model.js';
import { noLinkNotes, type LinkNotes } from './number-links.js';
import type { PageLayout } from '../model/page-layout.js';
import { formatDate } from '../shared/dates.js';

/**
 * Links with this prefix mark the printed checkboxes; `add-form-fields` turns each into a form field.
 * Each printed checklist adds a secret of its own (see {@link toFieldPrefix}), so that a link written in
 * a roadmap can never pass for one of the template's boxes.
 */
export const fieldLinkPrefix = 'https://roadmap-press.invalid/field/';

/** The box prefix of one printed document: {@link fieldLinkPrefix} plus a random secret, unknown to the roadmap's text. */
export function toFieldPrefix(): string {
  return `${fieldLinkPrefix}${randomBytes(12).toString('hex')}/`;
}

/** What the checklist template sees besides the view model: `print`. */
export interface ChecklistView extends ViewModel {
  print: {
    /** `rtl` for right-to-left languages (Arabic, Hebrew, Persian, Urdu…), else `ltr`. */
    dir: 'ltr' | 'rtl';
    /** Start each phase on a new page. */
    phaseBreak: boolean;
    /** The build date in the roadmap's language when the footer should show it, else `null`. */
    dateLabel: string | null;
    /** `href` prefix of each checkbox link (followed by the item id). */
    fieldPrefix: string;
    /** The links listed on paper (`--links`): per part id, at the end, all; empty in HTML. */
    links: LinkNotes;
  };
}

const rtlLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** The checklist's view: the roadmap's view model plus the print settings (boxes linked to `fieldPrefix`). Pure. */
export function toChecklistView(
  view: ViewModel,
  layout: PageLayout,
  date: Date | null,
  links: LinkNotes = noLinkNotes,
  fieldPrefix = fieldLinkPrefix,
): ChecklistView {
  return {
    ...view,
    print: {
      dir: textDirection(view.lang),
      phaseBreak: layout.phaseBreak,
      dateLabel: layout.printDate && date ? formatDate(view.lang, date, 'printed') : null,
      fieldPrefix,
      links,
    },
  };
}

/** `rtl` when the language is written right to left. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  const language = lang.split('-')[0]?.toLowerCase() ?? '';
  return rtlLanguages.has(language) || /-(Arab|Hebr|Thaa|Syrc)\b/i.test(lang) ? 'rtl' : 'ltr';
}
