import path from 'node:path';
import Handlebars from 'handlebars';
import { suggest } from '../shared/suggest.js';
import { TemplateError } from '../shared/errors.js';
import type { TemplateFile } from './load-template.js';

/** Helpers Handlebars itself provides. */
export const handlebarsHelpers = ['each', 'if', 'unless', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing'];

interface ParsedFile {
  file: TemplateFile;
  ast: hbs.AST.Program;
}

/**
 * Check every template file before anything renders: each partial it
 * includes must exist in the template's folders (a name that would leave
 * them is refused), and each helper it calls must be known. Errors name the
 * file and line of the reference. Pure.
 */
export function checkTemplateReferences(files: ParsedFile[], partials: ReadonlySet<string>, helpers: readonly string[]): void {
  const inline = new Set<string>();
  const references: { file: TemplateFile; line: number; kind: 'partial' | 'helper'; name: string }[] = [];
  for (const { file, ast } of files) {
    const visitor = new Handlebars.Visitor();
    const base = Handlebars.Visitor.prototype;
    const line = (node: hbs.AST.Node) => node.loc?.start.line ?? 1;
    const helperCall = (node: { path: hbs.AST.Node; loc: hbs.AST.SourceLocation }) => {
      if (node.path.type !== 'PathExpression') return;
      const callee = node.path as hbs.AST.PathExpression;
      if (!callee.data && callee.depth === 0 && callee.parts.length === 1 && !callee.original.startsWith('this')) {
        references.push({ file, line: node.loc.start.line, kind: 'helper', name: callee.original });
      }
    };
    const partialName = (node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement) => {
      const name = node.name as hbs.AST.Node;
      if (name.type === 'PathExpression' || name.type === 'StringLiteral') {
        const text = name.type === 'PathExpression' ? (name as hbs.AST.PathExpression).original : (name as hbs.AST.StringLiteral).value;
        if (!text.startsWith('@')) references.push({ file, line: line(node), kind: 'partial', name: text });
      }
    };
    visitor.MustacheStatement = function (node) {
      if (node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0) helperCall(node);
      base.MustacheStatement.call(this, node);
    };
    visitor.BlockStatement = function (node) {
      if (node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0) helperCall(node);
      base.BlockStatement.call(this, node);
    };
    visitor.SubExpression = function (node) {
      helperCall(node);
      base.SubExpression.call(this, node);
    };
    visitor.PartialStatement = function (node) {
      partialName(node);
      base.PartialStatement.call(this, node);
    };
    visitor.PartialBlockStatement = function (node) {
      partialName(node);
      base.PartialBlockStatement.call(this, node);
    };
    visitor.DecoratorBlock = function (node) {
      const [first] = node.params;
      if (node.path.original === 'inline' && first?.type === 'StringLiteral') inline.add((first as hbs.AST.StringLiteral).value);
      base.DecoratorBlock.call(this, node);
    };
    visitor.accept(ast);
  }
  for (const reference of references) {
    const where = `${reference.file.path}:${reference.line}`;
    if (reference.kind === 'partial') {
      if (partials.has(reference.name) || inline.has(reference.name)) continue;
      if (leavesFolder(reference.name)) {
        throw new TemplateError(`${where}: partial "${reference.name}" resolves outside the template folders`);
      }
      const hint = suggest(reference.name, [...partials]);
      throw new TemplateError(
        `${where}: includes partial "${reference.name}", which does not exist (no partials/${reference.name}.hbs in the template's folders${hint ? `; did you mean "${hint}"?` : ''})`,
      );
    }
    if (!helpers.includes(reference.name)) {
      const hint = suggest(
        reference.name,
        helpers.filter((helper) => !helper.endsWith('Missing')),
      );
      throw new TemplateError(`${where}: unknown helper "${reference.name}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
  }
}

/** Parse a template file; a syntax error names the file and line. */
export function parseTemplateFile(file: TemplateFile): hbs.AST.Program {
  try {
    return Handlebars.parse(file.source);
  } catch (error) {
    const message = (error as Error).message;
    // "Parse error on line 12:\n…\nExpecting 'ID', got 'EOF'" or "each doesn't match if - 12:5".
    const line = /on line (\d+)/.exec(message)?.[1] ?? / - (\d+):\d+$/.exec(message)?.[1];
    const detail = (message.split('\n').at(-1) ?? message).replace(/ - \d+:\d+$/, '').replace(/^Expecting /, 'Expected ');
    throw new TemplateError(`${file.path}${line ? `:${line}` : ''}: ${detail}`, { cause: error });
  }
}

function leavesFolder(name: string): boolean {
  const normal = path.posix.normalize(name);
  return path.posix.isAbsolute(name) || normal.startsWith('..') || name.includes('\\') || /^[a-z]:/i.test(name);
}
