import { z } from 'zod';
import { labelKeys } from './labels.js';
import { suggest } from '../shared/suggest.js';

const languageTag = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
const isLabelKey = (key: string) => (labelKeys as readonly string[]).includes(key);

function unknownLabel(key: string): string {
  const hint = suggest(key, labelKeys);
  return `unknown label "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`;
}

/** One language's words: label keys only. */
const languageLabels = z.record(z.string(), z.string()).superRefine((words, context) => {
  for (const key of Object.keys(words)) {
    if (!isLabelKey(key)) context.addIssue({ code: 'custom', path: [key], message: unknownLabel(key) });
  }
});

/**
 * Config `labels`: a label key with a string applies to every language; a
 * language tag with an object of label keys applies to that language.
 */
export const labelOverrides = z.record(z.string(), z.union([z.string(), languageLabels])).superRefine((labels, context) => {
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value === 'string' && !isLabelKey(key)) {
      context.addIssue({ code: 'custom', path: [key], message: unknownLabel(key) });
    } else if (typeof value === 'object' && !languageTag.test(key)) {
      context.addIssue({ code: 'custom', path: [key], message: `expected a language tag such as "es" for a group of labels` });
    }
  }
});
