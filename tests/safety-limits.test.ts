import { describe, expect, it } from 'vitest';
import { maxFileChars, maxLineChars, maxListItems } from '../src/pipeline/find-source-problem.js';
import { maxFrontMatterChars } from '../src/pipeline/plugins/remark-roadmap-matter.js';
import { processRoadmap } from '../src/pipeline/process-roadmap.js';

async function model(source: string | Uint8Array) {
  const result = await processRoadmap(source, 'input.md');
  return { ...result, lines: result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message} [${d.rule}]`) };
}

describe('NUL bytes and binary files', () => {
  it('a stray NUL in text is replaced by U+FFFD, with a warning at it (CommonMark)', async () => {
    const { roadmap, lines } = await model('# Title\n\n- one\0two\n- three\n');
    expect(lines).toEqual(['3:6 warning Unexpected NUL character, replaced by U+FFFD, expected text without NUL bytes [nul-character]']);
    expect(roadmap!.sections[0]!.topics[0]!.items.map((item) => item.text)).toEqual(['one\uFFFDtwo', 'three']);
  });

  it('several NULs in a long text: one warning counting them', async () => {
    const text = `# Title\n\n${Array.from({ length: 500 }, (_, index) => `- item ${index}`).join('\n')}\n- a\0b\0c\0\n`;
    const { roadmap, lines } = await model(text);
    expect(roadmap).not.toBeNull();
    expect(lines).toEqual([
      '503:4 warning Unexpected NUL characters (3), replaced by U+FFFD, expected text without NUL bytes [nul-character]',
    ]);
  });

  it.each([
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1')],
    ['mostly NUL bytes', Buffer.alloc(4096, 0)],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256))],
  ])('%s is binary: an error', async (_name, bytes) => {
    const { roadmap, diagnostics } = await model(bytes);
    expect(roadmap).toBeNull();
    expect(diagnostics.map((d) => d.rule)).toEqual(['binary-file']);
  });
});

describe('limits, each with a clear message', () => {
  it('front matter with 40,000 keys is read (in linear time)', async () => {
    const keys = Array.from({ length: 40_000 }, (_, index) => `key${index}: ${index}`).join('\n');
    const { roadmap, lines } = await model(`---\ntitle: Many\n${keys}\n---\n\n# Many\n\n- item\n`);
    expect(lines).toEqual([]);
    expect(roadmap!.meta.key39999).toBe(39_999);
  }, 15_000);

  it('a repeated front-matter key is still an error at the repeat, nested mappings too', async () => {
    expect((await model('---\ntitle: A\nlang: en\ntitle: B\n---\n# A\n\n- item\n')).lines).toEqual([
      '4:1 error Invalid YAML front matter: Map keys must be unique [front-matter]',
    ]);
    expect((await model('---\nextra:\n  a: 1\n  a: 2\n---\n# A\n\n- item\n')).lines).toEqual([
      '4:3 error Invalid YAML front matter: Map keys must be unique [front-matter]',
    ]);
  });

  it('front matter over the size limit', async () => {
    const big = `note: "${'x'.repeat(maxFrontMatterChars)}"`;
    expect((await model(`---\n${big}\n---\n# A\n\n- item\n`)).lines).toEqual([
      '2:1 error Unexpected front matter of 1024 KB, expected at most 1024 KB [front-matter]',
    ]);
  });

  it('front matter aliases past the limit ("billion laughs")', async () => {
    const laughs = ['a: &a [lol, lol, lol]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]'];
    expect((await model(`---\n${laughs.join('\n')}\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n# A\n\n- item\n`)).lines).toEqual([
      '2:1 error Unexpected YAML aliases in front matter expanding too far, expected at most 50 alias expansions [front-matter]',
    ]);
  });

  it('a file over the size limit, a line over the length limit', async () => {
    expect((await model(`# Big\n\n${'- item\n'.repeat(Math.ceil(maxFileChars / 7) + 1)}`)).lines).toEqual([
      '1:1 error Unexpected file of 16.0 MB, expected at most 16 MB of Markdown [file-size]',
    ]);
    expect((await model(`# Long\n\n- ${'w'.repeat(maxLineChars + 1)}\n`)).lines).toEqual([
      '3:1 error Unexpected line of 8.0 MB, expected at most 8 MB [line-length]',
    ]);
  }, 30_000);

  it('600 list levels built with lazy continuation lines: the nesting limit, no stack overflow', async () => {
    const lazy = Array.from({ length: 600 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}\nlazy ${depth}`).join('\n');
    expect((await model(`# Lazy\n\n${lazy}\n`)).lines).toEqual([
      '203:1 error Unexpected nesting 101 levels deep, expected at most 100 levels of lists and blockquotes [nesting-depth]',
    ]);
  });

  it('400,000 list items (5.5 MB): refused at the first item past the limit, before parsing exhausts the heap', async () => {
    const items = Array.from({ length: 400_000 }, (_, index) => `- item ${index}`).join('\n');
    expect((await model(`# Huge\n\n${items}\n`)).lines).toEqual([
      `${maxListItems + 3}:1 error Unexpected list item 100,001, expected at most 100,000 list items in one file [item-count]`,
    ]);
  });

  it('list markers in fenced code are not list items', async () => {
    const fenced = Array.from({ length: maxListItems + 1 }, (_, index) => `- line ${index}`).join('\n');
    const { roadmap, lines } = await model(`# Code\n\n- item\n\n\`\`\`\n${fenced}\n\`\`\`\n`);
    expect(lines).toEqual([]);
    expect(roadmap).not.toBeNull();
  }, 30_000);
});
