/** White space other than single spaces: only then is there anything to collapse. */
const irregularSpace = /\s\s|[^\S ]/;

/**
 * `text.replace(/\s+/g, ' ').trim()`, without building a new string when
 * the text has only single spaces (most item and heading text).
 */
export function collapseSpace(text: string): string {
  return (irregularSpace.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}
