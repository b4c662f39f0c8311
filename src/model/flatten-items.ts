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
