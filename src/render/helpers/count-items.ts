/** Anything holding items: a list of items, an item, a topic, a part, or the whole view. */
type ItemHolder = { items?: unknown; children?: unknown; topics?: unknown; parts?: unknown; checked?: unknown };

/** Every item below `value`, nested ones included, in document order. */
export function collectItems(value: unknown): { checked: boolean }[] {
  if (Array.isArray(value)) return value.flatMap((entry) => collectItems(entry));
  if (value === null || typeof value !== 'object') return [];
  const holder = value as ItemHolder;
  if (Array.isArray(holder.parts)) return collectItems(holder.parts);
  if (Array.isArray(holder.topics)) return collectItems(holder.topics);
  if (Array.isArray(holder.items)) return collectItems(holder.items);
  if (typeof holder.checked === 'boolean') {
    return [holder as { checked: boolean }, ...collectItems(Array.isArray(holder.children) ? holder.children : [])];
  }
  return [];
}

/** How many items `value` holds. */
export function countItems(value: unknown): number {
  return collectItems(value).length;
}

/** How many of them are ticked. */
export function countChecked(value: unknown): number {
  return collectItems(value).filter((item) => item.checked).length;
}
