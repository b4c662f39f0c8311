import { z } from 'zod';

/** Weekdays as the config writes them, Sunday first (so the index is `Date#getUTCDay()`). */
export const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** When a group meets: `{"weekday": "tuesday", "time": "19:00"}`. */
export const meetsSchema = z.strictObject({
  weekday: z.preprocess((value) => (typeof value === 'string' ? value.toLowerCase() : value), z.enum(weekdays)),
  time: z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'expected a 24-hour time such as 19:00'),
});

/** Config `group`: a study group's name, its members (a checkbox each per item) and when it meets. */
export const groupSchema = z.strictObject({
  name: z.string().trim().min(1),
  /** Names, or `{"name": "Ana", "progress": "ana-progress.json"}`: where `merge` takes that member's ticks from. */
  members: z
    .array(z.union([z.string().trim().min(1), z.strictObject({ name: z.string().trim().min(1), progress: z.string().min(1) })]))
    .min(1)
    .max(12)
    .refine((members) => new Set(members.map(memberName)).size === members.length, 'expected distinct member names'),
  meets: meetsSchema.optional(),
});

export type GroupConfig = z.infer<typeof groupSchema>;

/** A config member's name, written as a name or as `{name, progress}`. */
export function memberName(member: string | { name: string }): string {
  return typeof member === 'string' ? member : member.name;
}
