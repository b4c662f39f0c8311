import { slug } from 'github-slugger';

/**
 * A readable slug of at most `max` characters, cut at a word boundary:
 * `Your first "Hello, World!" program` → `your-first-hello-world-program`.
 */
export function slugify(text: string, max = 48): string {
  const full = slug(text).replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (full.length <= max) return full;
  const cut = full.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > max / 2 ? cut.slice(0, boundary) : full.slice(0, max)).replace(/-$/, '');
}

/** Hands out ids unique within one roadmap: a repeated id gets `-2`, `-3`, … */
export function createIdRegistry(): (base: string) => string {
  const used = new Set<string>();
  const next = new Map<string, number>();
  return function uniqueId(base) {
    let count = next.get(base) ?? 1;
    let candidate = count === 1 ? base : `${base}-${count}`;
    while (used.has(candidate)) {
      count += 1;
      candidate = `${base}-${count}`;
    }
    next.set(base, count);
    used.add(candidate);
    return candidate;
  };
}
