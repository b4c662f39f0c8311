import { slug } from 'github-slugger';

/** `id "phase-1--move" "Ana Lima"` → `phase-1--move--ana-lima`: parts slugged and joined with `--`. */
export function joinId(parts: unknown[]): string {
  return parts
    .filter((part) => part !== null && part !== undefined && part !== '')
    .map((part) => slug(String(part)))
    .filter(Boolean)
    .join('--');
}

/** `Ana Lima` → `AL`; at most two letters. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words;
  return letters.map((word) => Array.from(word)[0]!.toLocaleUpperCase()).join('');
}
