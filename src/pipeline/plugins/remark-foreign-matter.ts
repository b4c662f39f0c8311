import type { Root } from 'mdast';
import type { Plugin } from 'unified';

/**
 * Front matter in formats roadmap-press does not read, as remark-frontmatter
 * recognises them (see `foreignMatters`), so that they never turn into a
 * heading (`---js` … `---` is a setext heading to CommonMark) or text.
 */
export const foreignMatters = [
  { type: 'toml', marker: '+' },
  { type: 'javascriptMatter', fence: { open: '---javascript', close: '---' } },
  { type: 'jsMatter', fence: { open: '---js', close: '---' } },
  { type: 'jsonMatter', fence: { open: ';;;', close: ';;;' } },
] as const;

const names: Record<string, string> = {
  toml: 'TOML front matter (`+++`)',
  javascriptMatter: 'JavaScript front matter (`---javascript`)',
  jsMatter: 'JavaScript front matter (`---js`)',
  jsonMatter: 'JSON front matter (`;;;`)',
};

/**
 * Report front matter that is not YAML (a positioned `front-matter` warning)
 * and drop it: it is never run, read or shown. YAML only is the safe default.
 */
const remarkForeignMatter: Plugin<[], Root> = () => (tree, file) => {
  const first = tree.children[0] as { type: string; position?: Root['position'] } | undefined;
  if (!first || !(first.type in names)) return;
  file.message(`Unexpected ${names[first.type]}, expected YAML between \`---\` lines: it is ignored`, {
    place: first.position?.start ?? { line: 1, column: 1 },
    ruleId: 'front-matter',
    source: 'roadmap-press',
  });
  tree.children.shift();
};

export default remarkForeignMatter;
