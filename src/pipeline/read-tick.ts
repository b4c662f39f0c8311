/** What the start of an item's text says about its tick. */
export type Tick = { checked: boolean; length: number } | { unknown: string };

/** `[✓]`, `[✔]`, `[✔️]`, `[✅]`, `[☑]`, `[v]`: a ticked box written with a look-alike. */
const lookAlikeBox = /^\[\s*(?:[✓✔☑✅☒✗✘xX]|v)\ufe0f?\s*\]\s*/u;
/** `☑ item`, `✅ item`, `✔ item`, `✔️ item`: a leading tick mark; alone (a status cell `✅`), a tick too. */
const leadingMark = /^(?:☑|✅|✔|✓|☒)\ufe0f?(?:\s+|$)/u;
/** `☐ item`, `⬜ item`, `🔲 item`, `[ ]` with a wide space: an empty box. */
const emptyMark = /^(?:☐|⬜|🔲|\[[\u3000\u00a0]\])\ufe0f?\s*/u;
/** `[R]`, `[WIP]`: a box marker roadmap-press does not know (`[~]` and `[-]` mean in progress, read by remark-checklist-items). */
const unknownBox = /^\[(?!\d+\])(?![~-]\])([^\]\s[]{1,3})\]\s+/u;

/**
 * Read a tick that GFM does not: look-alike boxes and leading marks count as
 * done, an empty look-alike box as not done; an unknown one-to-three
 * character marker (`[R]`) is returned as `unknown` so it can be named in a
 * warning. `null` when the text starts with none.
 */
export function readTick(text: string): Tick | null {
  const box = lookAlikeBox.exec(text) ?? leadingMark.exec(text);
  if (box) return { checked: true, length: box[0].length };
  const empty = emptyMark.exec(text);
  if (empty) return { checked: false, length: empty[0].length };
  const unknown = unknownBox.exec(text);
  if (unknown) return { unknown: `[${unknown[1]}]` };
  return null;
}
