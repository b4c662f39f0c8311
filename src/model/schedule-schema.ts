import { z } from 'zod';
import { isIsoDate } from '../shared/dates.js';

/** A real calendar date written `YYYY-MM-DD` (front matter, config and `--start`). */
export const isoDate = z.string().refine(isIsoDate, 'expected a date written YYYY-MM-DD, such as 2027-01-04');

/** Weeks per undated phase. */
export const weeksPerPhase = z.number().int().min(1).max(52);

/** Weeks per month in `Month N` notations. */
export const weeksPerMonth = z.number().int().min(1).max(6);
