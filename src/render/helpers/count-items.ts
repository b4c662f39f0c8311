/** Anything holding items: a list of items, an item, a topic, a part, or the whole view. */
type ItemHolder = { items?: unknown; children?: unknown; topics?: unknown; parts?: unknown; checked?: unknown };

/** Every item below `value`, nested ones included, in document order. */
export function collectItems(value: unknown): { checked: boolean }[] {
  const items: { checked: boolean }[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const entry of value) collect(entry);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const holder = value as ItemHolder;
    if (Array.isArray(holder.parts)) collect(holder.parts);
    else if (Array.isArray(holder.topics)) collect(holder.topics);
    else if (Array.isArray(holder.items)) collect(holder.items);
    else if (typeof holder.checked === 'boolean') {
      items.push(holder as { checked: boolean });
      if (Array.isArray(holder.children)) collect(holder.children);
    }
  };
  collect(value);
  return items;
}

/** How many items `value` holds. */
export function countItems(value: unknown): number {
  return collectItems(value).length;
}

/** How many of them are ticked. */
export function countChecked(value: unknown): number {
  return collectItems(value).filter((item) => item.checked).length;
}

/** How many of them are in progress (`state: doing`). */
export function countDoing(value: unknown): number {
  return collectItems(value).filter((item) => (item as { state?: unknown }).state === 'doing').length;
}
