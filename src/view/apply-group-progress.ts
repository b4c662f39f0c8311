import type { ItemState } from '../model/roadmap.js';
import type { TemplateData } from './to-template-data.js';
import { joinId } from '../shared/join-id.js';
import { flattenItems } from '../model/flatten-items.js';

/** Each member's progress: member name → item id → state (`todo` items may be left out). */
export type GroupProgress = Record<string, Record<string, ItemState>>;

/** A part's group progress bar: every member's items, done and in progress. */
export interface GroupBar {
  done: number;
  doing: number;
  /** Items × members. */
  total: number;
  donePercent: number;
  doingPercent: number;
}

/** What the study-group template gets from `merge`: members with their `progress`, a bar per part, the fields to tick. */
export interface GroupProgressData {
  /** Part id → its group progress bar. */
  groupBars: Record<string, GroupBar>;
  /** Names of the member boxes (item id and member id joined) that start ticked in the PDF. */
  groupFields: string[];
}

/**
 * Put the members' progress into the study-group data: each member of
 * `group.members` gets `progress` (item id → `done` / `doing`), each part a
 * group progress bar (an item in progress counts half), and the PDF the names
 * of the member boxes to tick. Pure.
 */
export function applyGroupProgress(data: TemplateData, progress: GroupProgress): TemplateData & GroupProgressData {
  const group = data.group;
  if (!group) return { ...data, groupBars: {}, groupFields: [] };
  const members = group.members.map((member) => {
    const states = progress[member.name] ?? {};
    return { ...member, progress: Object.fromEntries(Object.entries(states).filter(([, state]) => state !== 'todo')) };
  });
  const groupFields: string[] = [];
  const groupBars: Record<string, GroupBar> = {};
  for (const part of data.parts) {
    const items = flattenItems(part.topics.flatMap((topic) => topic.items));
    if (items.length === 0) continue;
    let done = 0;
    let doing = 0;
    for (const member of members) {
      for (const item of items) {
        const state = member.progress[item.id];
        if (state === 'done') {
          done += 1;
          groupFields.push(joinId([item.id, member.id]));
        } else if (state === 'doing') doing += 1;
      }
    }
    const total = items.length * members.length;
    const donePercent = Math.round((done / total) * 100);
    groupBars[part.id] = { done, doing, total, donePercent, doingPercent: Math.round(((done + doing) / total) * 100) - donePercent };
  }
  return { ...data, group: { ...group, members }, groupBars, groupFields };
}
