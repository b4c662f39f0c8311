import type { ViewModel } from './to-view-model.js';

/** What the PDF says about itself (its document information and language). */
export interface PdfMetadata {
  title: string;
  author: string | null;
  subject: string | null;
  keywords: string[];
  /** The application that made the document: `roadmap-press <version>`. */
  creator: string;
  /** BCP 47 language tag. */
  lang: string;
  /** Creation and modification date; `null` writes none, so the bytes do not depend on the clock. */
  date: Date | null;
}

/**
 * Title, Author and language from the roadmap; Subject from its description (else its counts);
 * Keywords from front matter `keywords`/`tags` (else its phases); Creator the view's generator. Pure.
 */
export function toPdfMetadata(view: ViewModel, date: Date | null): PdfMetadata {
  const { labels, stats } = view;
  const listed = view.meta.keywords ?? view.meta.tags;
  const keywords = Array.isArray(listed)
    ? listed.map(String)
    : typeof listed === 'string'
      ? listed.split(',').map((keyword) => keyword.trim())
      : view.phases.flatMap((phase) => (phase.title ? [phase.title] : []));
  return {
    title: view.title,
    author: view.author,
    subject:
      view.description ??
      `${stats.phases} ${stats.phases === 1 ? labels.phase : labels.phases}, ${stats.weeks} ${stats.weeks === 1 ? labels.unitWeek : labels.unitWeeks}, ${stats.items} ${stats.items === 1 ? labels.item : labels.items}`,
    keywords: keywords.filter(Boolean),
    creator: view.generator,
    lang: view.lang,
    date,
  };
}
