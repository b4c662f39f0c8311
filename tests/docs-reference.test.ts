import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { configSchema } from '../src/config/config-schema.js';
import { cliPath, repoRoot, runCli } from './helpers/run-cli.js';

const markdown = unified().use(remarkParse).use(remarkGfm);
const docsDir = path.join(repoRoot, 'docs');
const pages = [
  'README.md',
  ...readdirSync(docsDir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const read = (page: string) => readFileSync(path.join(repoRoot, page), 'utf8');
const trees = new Map<string, Root>();
const parse = (page: string) => trees.get(page) ?? trees.set(page, markdown.parse(read(page)) as Root).get(page)!;

/** The cells of every table row of a Markdown page, each cell's Markdown source. */
function tableRows(page: string): string[][] {
  return read(page)
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) => line.split(/(?<!\\)\|/).slice(1, -1));
}

/** An option as `--help` lists it: its long flag and, when it has one, its short flag. */
interface CliOption {
  long: string;
  short: string | null;
}

/** The entries of one section (`Options:`, `Commands:`) of commander's help: the first word(s) of each entry line. */
function helpSection(help: string, title: string): string[] {
  const lines = help.split('\n');
  const start = lines.indexOf(`${title}:`);
  if (start < 0) return [];
  const section = lines.slice(start + 1);
  const end = section.findIndex((line) => line.trim() === '');
  // Entries start two spaces in; wrapped descriptions are indented further.
  return section.slice(0, end < 0 ? undefined : end).filter((line) => /^ {2}\S/.test(line));
}

function optionsOf(help: string): CliOption[] {
  return helpSection(help, 'Options').map((line) => {
    const match = /^ {2}(?:(-\w), )?(--[\w-]+)/.exec(line);
    if (!match) throw new Error(`Unexpected option line in --help: ${line}`);
    return { short: match[1] ?? null, long: match[2]! };
  });
}

/** The newest modification time of the TypeScript below src/. */
function newestSource(): number {
  let newest = 0;
  for (const entry of readdirSync(path.join(repoRoot, 'src'), { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Every command of the real program (`roadmap-press --help`) with the options its own `--help` lists. */
async function readProgram(): Promise<Map<string, CliOption[]>> {
  if (!existsSync(cliPath) || statSync(cliPath).mtimeMs < newestSource()) {
    throw new Error('dist/cli.js is missing or older than src/: run `npm run compile` (npm test does it first)');
  }
  const root = await runCli(['--help']);
  if (root.code !== 0) throw new Error(`roadmap-press --help exited ${root.code}: ${root.stderr}`);
  const program = new Map([['roadmap-press', optionsOf(root.stdout)]]);
  const names = helpSection(root.stdout, 'Commands')
    .map((line) => line.trim().split(/\s+/)[0]!)
    .filter((name) => name !== 'help');
  for (const name of names) {
    const help = await runCli([name, '--help']);
    if (help.code !== 0) throw new Error(`roadmap-press ${name} --help exited ${help.code}: ${help.stderr}`);
    program.set(name, optionsOf(help.stdout));
  }
  return program;
}

/** Every key path of a zod schema: `group`, `group.members[].name`, `template.html`, …; a record's free keys are not walked. */
function keyPaths(schema: z.core.$ZodType, prefix = ''): string[] {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.core.$ZodType>).flatMap(([key, child]) => {
        const keyPath = prefix ? `${prefix}.${key}` : key;
        return [keyPath, ...keyPaths(child, keyPath)];
      });
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return keyPaths(def.innerType as z.core.$ZodType, prefix);
    case 'union':
      return (def.options as z.core.$ZodType[]).flatMap((option) => keyPaths(option, prefix));
    case 'array':
      return keyPaths(def.element as z.core.$ZodType, `${prefix}[]`);
    case 'pipe':
      return [...keyPaths(def.in as z.core.$ZodType, prefix), ...keyPaths(def.out as z.core.$ZodType, prefix)];
    default:
      return [];
  }
}

/** The anchors GitHub gives a page's headings. */
const anchors = new Map<string, Set<string>>();
function anchorsOf(page: string): Set<string> {
  const cached = anchors.get(page);
  if (cached) return cached;
  const slugger = new GithubSlugger();
  const found = new Set<string>();
  visit(parse(page), 'heading', (heading: Heading) => {
    found.add(slugger.slug(mdastToString(heading)));
  });
  anchors.set(page, found);
  return found;
}

const program = await readProgram();

describe('docs/cli.md', () => {
  const rows = tableRows('docs/cli.md').map(([flags = '', commands = '']) => ({ flags, commands }));
  const names = (row: { commands: string }) =>
    row.commands.includes('every command') ? [...program.keys()] : [...row.commands.matchAll(/`([\w-]+)`/g)].map((match) => match[1]!);

  it('reads every command and option from the real program', () => {
    expect([...program.keys()]).toEqual(expect.arrayContaining(['roadmap-press', 'build', 'serve', 'init', 'inspect', 'check', 'mark']));
    expect(program.get('build')!.map((option) => option.long)).toEqual(expect.arrayContaining(['--out', '--format', '--no-cache']));
  });

  it('has a section for every command', () => {
    const headings = anchorsOf('docs/cli.md');
    for (const name of program.keys()) if (name !== 'roadmap-press') expect(headings, name).toContain(name);
  });

  it('documents every option of every command in a row naming that command', () => {
    const missing: string[] = [];
    for (const [name, options] of program) {
      for (const { long, short } of options) {
        const documented = rows.some(
          (row) =>
            new RegExp(`\`${long}[\` ]`).test(row.flags) && (!short || row.flags.includes(`\`${short}\``)) && names(row).includes(name),
        );
        if (!documented) missing.push(`${name} ${short ? `${short}, ` : ''}${long}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents no option a command does not have', () => {
    const stale: string[] = [];
    for (const row of rows) {
      for (const [, flag] of row.flags.matchAll(/`(--[\w-]+)/g)) {
        for (const name of names(row)) {
          if (!program.get(name)?.some((option) => option.long === flag)) stale.push(`${name} ${flag}`);
        }
      }
    }
    expect(stale).toEqual([]);
  });
});

describe('docs/config.md', () => {
  const keys = [...new Set(keyPaths(configSchema))];
  const firstCells = tableRows('docs/config.md').map(([first = '']) => first);

  it('walks the real config schema, nested keys included', () => {
    expect(keys).toEqual(
      expect.arrayContaining(['content', 'formats', 'labels', 'template.pdf', 'group.members[].progress', 'group.meets.time']),
    );
  });

  it('documents every config key in a table row', () => {
    expect(keys.filter((key) => !firstCells.some((cell) => cell.includes(`\`${key}\``)))).toEqual([]);
  });

  it('documents no key the schema does not have', () => {
    const documented = firstCells.flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
    expect(documented.filter((key) => !keys.includes(key))).toEqual([]);
  });
});

describe('README.md and docs/*.md', () => {
  it('link only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const page of pages) {
      visit(parse(page), ['link', 'image', 'definition'], (node) => {
        const { url, position } = node as { url: string; position?: { start: { line: number } } };
        if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(url)) return;
        const [file = '', fragment] = url.split('#');
        const target = file ? path.join(path.dirname(page), decodeURIComponent(file)) : page;
        const where = `${page}:${position?.start.line}: ${url}`;
        if (!existsSync(path.join(repoRoot, target))) broken.push(`${where} (no such file)`);
        else if (fragment !== undefined && (!target.endsWith('.md') || !anchorsOf(target).has(fragment))) {
          broken.push(`${where} (no such heading)`);
        }
      });
    }
    expect(broken).toEqual([]);
  });

  it('README links every docs page', () => {
    const linked = new Set<string>();
    visit(parse('README.md'), 'link', (node) => {
      linked.add(node.url.split('#')[0]!);
    });
    expect(pages.filter((page) => page !== 'README.md' && !linked.has(page))).toEqual([]);
  });

  it('README gives the two commands of the quick start, and they exist', () => {
    let block = '';
    let inQuickStart = false;
    visit(parse('README.md'), (node) => {
      if (node.type === 'heading') inQuickStart = mdastToString(node) === 'Quick start';
      else if (node.type === 'code' && inQuickStart && !block) block = node.value;
    });
    const commands = block.split('\n').map((line) => line.replace(/#.*/, '').trim());
    expect(commands).toEqual(['npm run build', 'npm test']);
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    expect(Object.keys(scripts)).toEqual(expect.arrayContaining(['build', 'test']));
  });
});
