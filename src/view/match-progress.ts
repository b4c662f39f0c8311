/** Two saved ids, before and after an edit of the roadmap. */
export interface MatchedId {
  from: string;
  to: string;
}

/** Saved progress carried over to the roadmap's current ids. */
export interface MatchedProgress<T> {
  marks: Map<string, T>;
  /** Saved ids that no longer exist, and the current item each now belongs to. */
  matched: MatchedId[];
  /** Saved ids that match no current item: their progress is dropped. */
  dropped: string[];
}

/** Dice similarity of two slugs' words: 1 for the same words, 0 for none in common. */
export function similarity(a: string, b: string): number {
  const left = a.split('-').filter(Boolean);
  const right = b.split('-').filter(Boolean);
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of right) {
    const count = counts.get(word) ?? 0;
    if (count > 0) {
      common += 1;
      counts.set(word, count - 1);
    }
  }
  return (2 * common) / (left.length + right.length);
}

/** How similar a reworded item's text must stay (see {@link matchProgress}). */
export const minimumSimilarity = 0.5;

/**
 * Carry saved progress (item id → state) over edits of the roadmap. An id is
 * `PART--ITEM-TEXT` (nested items add `--CHILD-TEXT`); the rule, applied to
 * each saved id that no current item has, in this order:
 *
 * 1. same item text in another part (the phase was renamed or the item moved
 *    to another phase): the one current item with that text;
 * 2. same part, similar text (reworded): the current item of that part whose
 *    words are most alike (Dice ≥ 0.5), when no other is as alike.
 *
 * Moving an item within its topic, or renaming its topic, changes no id, so
 * its progress stays as it is. A current item takes at most one saved id,
 * and never one that exists as it is. Ids that match nothing are dropped.
 * Pure; the handout's script applies the same rule.
 */
export function matchProgress<T>(saved: ReadonlyMap<string, T>, currentIds: readonly string[]): MatchedProgress<T> {
  const current = new Set(currentIds);
  const marks = new Map<string, T>();
  const claimed = new Set<string>();
  const unknown: string[] = [];
  for (const [id, value] of saved) {
    if (current.has(id)) {
      marks.set(id, value);
      claimed.add(id);
    } else unknown.push(id);
  }
  const split = (id: string) => {
    const at = id.indexOf('--');
    return at < 0 ? { part: '', text: id } : { part: id.slice(0, at), text: id.slice(at + 2) };
  };
  const free = () => currentIds.filter((id) => !claimed.has(id) && !saved.has(id));
  const matched: MatchedId[] = [];
  const dropped: string[] = [];
  for (const id of unknown) {
    const old = split(id);
    const sameText = free().filter((candidate) => split(candidate).text === old.text);
    let to: string | undefined = sameText.length === 1 ? sameText[0] : undefined;
    if (!to) {
      const scored = free()
        .filter((candidate) => split(candidate).part === old.part)
        .map((candidate) => ({ candidate, score: similarity(old.text, split(candidate).text) }))
        .filter(({ score }) => score >= minimumSimilarity)
        .sort((a, b) => b.score - a.score);
      if (scored[0] && scored[0].score !== scored[1]?.score) to = scored[0].candidate;
    }
    if (to) {
      marks.set(to, saved.get(id)!);
      claimed.add(to);
      matched.push({ from: id, to });
    } else dropped.push(id);
  }
  return { marks, matched, dropped };
}
