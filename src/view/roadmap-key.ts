import { slugify } from '../shared/create-item-id.js';

/**
 * The key a roadmap's progress is remembered under in the handout (its
 * `<html data-roadmap>`): front matter `key` when given, else a slug of the
 * title, so rebuilding or editing items keeps a reader's ticks. Pure.
 */
export function roadmapKey(title: string, meta: Record<string, unknown>): string {
  const own = meta.key;
  const source = (typeof own === 'string' || typeof own === 'number') && String(own).trim() !== '' ? String(own) : title;
  return slugify(source, 64) || 'roadmap';
}
