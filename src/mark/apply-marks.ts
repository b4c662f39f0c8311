import type { ItemState, Roadmap } from '../model/roadmap.js';
import { InputError } from '../shared/errors.js';
import { itemsOf } from '../model/flatten-items.js';

/**
 * What to write for an item: a state, `true`/`false` for done/todo, or
 * `not-done` (a box left unticked in a PDF, which cannot show "in
 * progress"): todo, except that an item in progress stays in progress.
 */
export type Mark = ItemState | boolean | 'not-done';

/** What `applyMarks` changed. */
export interface MarkResult {
  source: string;
  /** Ids whose box changed, in document order. */
  changed: string[];
}

/** The start of a list item's line: blockquote markers, indentation, bullet or number, and an optional task box. */
const itemStart = /^((?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)(\[[ xX~-]\](?=[ \t]|$))?/;
/** The start of a table row: the first cell, and an optional task box at its start. */
const rowStart = /^((?:[ \t]*>)*[ \t]*\|?[ \t]*)(\[[ xX~-]\](?=[ \t]|\|))?/;

/**
 * Write `[x]` / `[~]` / `[ ]` into the Markdown for the given item ids. Only the
 * touched list items' lines change; every other byte (line endings included)
 * stays as it was. Ticking a plain item (`- item`) makes it a task item
 * (`- [x] item`), and a table row gets its box at the start of its first cell
 * (`| [x] Intro to SQL | … |`); unticking a plain item leaves it alone. Unknown ids are an
 * error that names them all. Pure.
 */
export function applyMarks(source: string, roadmap: Roadmap, marks: ReadonlyMap<string, Mark>): MarkResult {
  const items = new Map(itemsOf([...roadmap.phases, ...roadmap.sections]).map((item) => [item.id, item]));
  const unknown = [...marks.keys()].filter((id) => !items.has(id));
  if (unknown.length > 0) {
    throw new InputError(
      `Unknown item ${unknown.length === 1 ? 'id' : 'ids'}: ${unknown.join(', ')} (run \`roadmap-press inspect FILE --json\` to list the ids)`,
    );
  }

  // Split keeping each line's own ending, so CRLF and a missing final newline survive.
  const lines = source.split(/(?<=\n)/);
  const changed: string[] = [];
  for (const [id, item] of [...items].sort((a, b) => a[1].line - b[1].line)) {
    const mark = marks.get(id);
    if (mark === undefined) continue;
    const current = item.state ?? (item.checked ? 'done' : 'todo');
    const wanted: ItemState =
      mark === true ? 'done' : mark === false ? 'todo' : mark === 'not-done' ? (current === 'doing' ? 'doing' : 'todo') : mark;
    if (wanted === current) continue;
    const written = wanted === 'done' ? '[x]' : wanted === 'doing' ? '[~]' : '[ ]';
    const index = item.line - 1;
    const line = lines[index];
    // A table row's box is written at the start of its first cell: `| [x] Intro to SQL | … |`.
    const match = line === undefined ? null : item.cells ? rowStart.exec(line) : itemStart.exec(line);
    if (!line || !match) throw new InputError(`Cannot find the list item of ${id} on line ${item.line}`);
    const [whole, marker, box] = match as unknown as [string, string, string | undefined];
    if (box) lines[index] = `${marker}${written}${line.slice(whole.length)}`;
    else if (wanted !== 'todo') lines[index] = `${marker}${written} ${line.slice(whole.length)}`;
    else continue;
    changed.push(id);
  }
  return { source: lines.join(''), changed };
}
