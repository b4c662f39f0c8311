/**
 * Command-line flag parsers, each derived from the zod schema the config uses for the same key, so a
 * flag and its config key accept exactly the same values (`--paper A4` and `"paper": "A4"` alike).
 */
import { InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { configSchema } from '../config/config-schema.js';
import type { TemplateChoice } from '../index.js';

const keys = configSchema.shape;

/** The values `--paper`, `--links` and `--link-list` take, as their config keys do (for `--help`). */
export const paperNames = keys.paper.unwrap().options;
export const linkModeNames = keys.links.unwrap().options;
export const linkListNames = keys.linkList.unwrap().options;
/** A template name, as config `template` checks it. */
const templateName = keys.template.unwrap().options[0];

/** A commander parser: the flag's text, `coerce`d, then checked by `schema`; `expected` says what it wants when it fails. */
export function parseWith<T>(
  schema: z.ZodType<T>,
  { coerce = (value) => value, expected }: { coerce?: (value: string) => unknown; expected?: string } = {},
): (value: string) => T {
  return (value) => {
    const result = schema.safeParse(coerce(value));
    if (result.success) return result.data;
    throw new InvalidArgumentError(`expected ${expected ?? describeIssue(result.error.issues[0])}`);
  };
}

/** What a failed zod check expected, in the words of a usage message. */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'a valid value';
  switch (issue.code) {
    case 'invalid_value':
      return issue.values.map(String).join(', ');
    case 'too_big':
      return `${issue.origin === 'array' ? 'at most' : 'a number of at most'} ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'array' ? 'at least one' : `a number ${issue.inclusive ? 'of at least' : 'above'} ${issue.minimum}`;
    case 'invalid_type':
      return `a ${issue.expected}`;
    default:
      // A refinement's own message, such as "expected a date written YYYY-MM-DD …".
      return issue.message.replace(/^expected /, '');
  }
}

/** Text → number, `NaN` for anything but a plain decimal number (`1e3`, `0x10`, `` are not). */
const toNumber = (value: string) => (/^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN);

export const parseLanguage = parseWith(keys.lang.unwrap(), { expected: 'a language tag such as en or pt-BR' });
export const parseStart = parseWith(keys.start.unwrap());
export const parseWeeksPerPhase = parseWith(keys.weeksPerPhase.unwrap(), {
  coerce: toNumber,
  expected: 'a whole number of weeks from 1 to 52',
});
export const parsePaper = parseWith(keys.paper.unwrap());
export const parseMargin = parseWith(keys.margin.unwrap());
export const parseLinks = parseWith(keys.links.unwrap());
export const parseLinkList = parseWith(keys.linkList.unwrap());
export const parseTimeout = parseWith(keys.timeout.unwrap(), { coerce: toNumber, expected: 'a number of seconds above 0, at most 3600' });
export const parseRecycleAfter = parseWith(keys.recycleAfter.unwrap(), { coerce: toNumber, expected: 'a whole number of at least 1' });
export const parseBrowserUrl = parseWith(keys.browserUrl.unwrap(), { expected: 'a URL such as http://127.0.0.1:9222' });
export const parseBrowserWs = parseWith(keys.browserWs.unwrap(), { expected: 'a ws:// or wss:// URL' });
export const parseFormats = parseWith(keys.formats.unwrap(), {
  coerce: (value) => [
    ...new Set(
      value
        .split(',')
        .map((format) => format.trim())
        .filter(Boolean),
    ),
  ],
  expected: 'html, pdf, ics or a comma-separated list of them',
});
export const parseTemplateName = parseWith(templateName, { expected: 'a template name (letters, digits and dashes)' });

const templateFlag = keys.template.unwrap();
/** `-t NAME` (every format) or `-t html=NAME,pdf=NAME`, checked as config `template` is. */
export function parseTemplateChoice(value: string): TemplateChoice {
  const choice = parseWith(templateFlag, {
    coerce: (text) =>
      text.includes('=')
        ? Object.fromEntries(text.split(',').map((entry) => entry.split('=').map((part) => part.trim()) as [string, string]))
        : text,
    expected: 'a template NAME, or html=NAME and pdf=NAME (letters, digits and dashes)',
  })(value);
  return typeof choice === 'string' ? { html: choice, pdf: choice } : choice;
}

// Flags that are not config keys: their schemas live here.
export const parseWorkers = parseWith(z.number().int().min(0), {
  coerce: toNumber,
  expected: 'a whole number of worker threads, 0 for none',
});
export const parsePort = parseWith(z.number().int().min(0).max(65535), { coerce: toNumber, expected: 'a port number from 0 to 65535' });
export const parseReporter = parseWith(z.enum(['text', 'json']), { expected: 'text or json' });

/** `--member NAME=FILE`, collected into a list. */
export function collectMember(value: string, previous: { name: string; file: string }[]): { name: string; file: string }[] {
  const at = value.indexOf('=');
  const name = value.slice(0, at).trim();
  const file = value.slice(at + 1).trim();
  if (at < 0 || !name || !file) throw new InvalidArgumentError(`expected NAME=progress.json or NAME=checklist.pdf, got "${value}"`);
  return [...previous, { name, file }];
}
