import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { z } from 'zod';
import { isoDate, weeksPerMonth, weeksPerPhase } from '../../model/schedule-schema.js';
import type { FrontMatter } from '../file-data.js';

const source = 'roadmap-press';
/** Largest front matter read, in characters (1 MiB): parsing is linear, but a limit says clearly what is too much. */
export const maxFrontMatterChars = 1024 * 1024;
/** Most alias expansions (`*name`) in front matter: each may copy a whole subtree (a "billion laughs" document). */
export const maxFrontMatterAliases = 50;
const ruleId = 'front-matter';

const frontMatterSchema = z.looseObject({
  title: z.string().trim().min(1).optional(),
  lang: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'expected a language tag such as `en` or `pt-BR`')
    .optional(),
  author: z.string().optional(),
  description: z.string().optional(),
  start: isoDate.optional(),
  weeksPerPhase: weeksPerPhase.optional(),
  weeksPerMonth: weeksPerMonth.optional(),
});

/**
 * Read the YAML front matter (`---` block) into `file.data.matter`.
 * YAML only, plain data only: no tags run code, no other front matter formats
 * are recognised. A syntax or type error is a fatal, positioned message.
 */
const remarkRoadmapMatter: Plugin<[], Root> = () => (tree, file) => {
  file.data.matter = {};
  const node = tree.children[0];
  if (node?.type !== 'yaml') return;
  // Content starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  if (node.value.length > maxFrontMatterChars) {
    file.fail(`Unexpected front matter of ${(node.value.length / 1024).toFixed(0)} KB, expected at most ${maxFrontMatterChars / 1024} KB`, {
      place: { line: firstLine, column: 1 },
      ruleId,
      source,
    });
  }
  const lineCounter = new LineCounter();
  // yaml's own unique-key check compares every key with every other (quadratic): see `findDuplicateKey`, linear.
  const document = parseDocument(node.value, { lineCounter, prettyErrors: false, uniqueKeys: false });

  const place = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: firstLine + line - 1, column: col };
  };

  const [syntaxError] = document.errors;
  if (syntaxError) {
    file.fail(`Invalid YAML front matter: ${firstSentence(syntaxError.message)}`, {
      place: place(syntaxError.pos[0]),
      ruleId,
      source,
    });
  }
  const duplicate = findDuplicateKey(document);
  if (duplicate !== null) {
    file.fail('Invalid YAML front matter: Map keys must be unique', { place: place(duplicate), ruleId, source });
  }
  for (const warning of document.warnings) {
    const reason =
      warning.code === 'TAG_RESOLVE_FAILED'
        ? `Unknown YAML tag in front matter: ${firstSentence(warning.message).replace(/^Unresolved tag: /, '')}, its value is kept as plain text`
        : `Unexpected YAML in front matter: ${firstSentence(warning.message)}`;
    file.message(reason, {
      place: place(warning.pos[0]),
      ruleId,
      source,
    });
  }

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: maxFrontMatterAliases }) ?? {};
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    file.fail(`Unexpected YAML aliases in front matter expanding too far, expected at most ${maxFrontMatterAliases} alias expansions`, {
      place: place(0),
      ruleId,
      source,
    });
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    file.fail(`Unexpected front matter of type ${Array.isArray(data) ? 'list' : typeof data}, expected a mapping of keys to values`, {
      place: place(0),
      ruleId,
      source,
    });
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.');
    file.fail(`Unexpected front matter \`${key}\`: ${issue.message}`, {
      place: place(offsetOf(document, issue.path)),
      ruleId,
      source,
    });
  }
  file.data.matter = parsed.data as FrontMatter;
};

export default remarkRoadmapMatter;

/** Offset of the first key repeated in the same mapping, or `null`; one pass with a set per mapping. */
function findDuplicateKey(document: Document): number | null {
  let found: number | null = null;
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          found = (pair.key as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function offsetOf(document: Document, path: PropertyKey[]): number {
  const node = document.getIn(path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
  return node?.range?.[0] ?? 0;
}
