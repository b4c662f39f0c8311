import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { isoDate, weeksPerMonth, weeksPerPhase } from '../../config/schedule-schema.js';
import type { FrontMatter } from '../file-data.js';

const source = 'roadmap-press';
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
  const lineCounter = new LineCounter();
  const document = parseDocument(node.value, { lineCounter, prettyErrors: false, uniqueKeys: true });

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

  const data: unknown = document.toJS({ maxAliasCount: 50 }) ?? {};
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

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function offsetOf(document: Document, path: PropertyKey[]): number {
  const node = document.getIn(path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
  return node?.range?.[0] ?? 0;
}
