/** Items and all their sub-items in one array, in document order (each item before its children). */
export function flattenItems<T extends { children: readonly T[] }>(items: readonly T[]): T[] {
  const all: T[] = [];
  const add = (list: readonly T[]) => {
    for (const item of list) {
      all.push(item);
      add(item.children);
    }
  };
  add(items);
  return all;
}

/** Every item of some phases, sections or view parts and all their sub-items, in document order. */
export function itemsOf<T extends { children: readonly T[] }>(groups: readonly { topics: readonly { items: readonly T[] }[] }[]): T[] {
  return flattenItems(groups.flatMap((group) => group.topics.flatMap((topic) => topic.items)));
}
