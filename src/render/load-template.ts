import { existsSync, statSync } from 'node:fs';
import { readFile, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { suggest } from '../shared/suggest.js';
import { displayPath } from '../shared/display-path.js';
import { TemplateError } from '../shared/errors.js';
import { packageRoot } from '../shared/version.js';
import { templateName } from '../model/template-name.js';
import { readTemplateManifest, type TemplateManifest } from './read-template-manifest.js';

/** The built-in templates shipped with roadmap-press (`templates/` of the package). */
export const builtinTemplatesDir = path.join(packageRoot, 'templates/');

/** A template's files, resolved through the search folders and its `extends` chain. */
export interface TemplateSource {
  name: string;
  /** The first folder holding the template. */
  dir: string;
  description: string;
  /** Formats the template serves (from its manifest). */
  formats: ('html' | 'pdf')[];
  /** The templates it extends, nearest first (`["checklist"]`). */
  extends: string[];
  layout: TemplateFile;
  partials: TemplateFile[];
  /** Running page header and footer for PDFs (`header.hbs`, `footer.hbs`), when the template has them. */
  header: TemplateFile | null;
  footer: TemplateFile | null;
  /** Every `style.css` of the chain, the base template's first. */
  css: string;
  /** The nearest `script.js` of the chain (HTML pages only), or `null`. */
  script: string | null;
  /** The template's own words by language, the base template's overridden by the extending one's. */
  labels: Record<string, Record<string, string>>;
}

export interface TemplateFile {
  /** Partial name (`item` for `partials/item.hbs`), `layout` for the layout. */
  name: string;
  /** Path shown in error messages, relative to the working directory when inside it. */
  path: string;
  source: string;
}

interface ChainLink {
  name: string;
  /** This template's folder in each search folder that has one, in search order. */
  folders: { dir: string; root: string }[];
  manifest: TemplateManifest;
  manifestPath: string;
}

/**
 * Read a template by name. Each search folder (a project's `templates/`,
 * then the built-ins) is searched file by file: the first folder holding
 * `NAME/partials/item.hbs` supplies items, the others the rest. A template
 * whose manifest `extends` another falls back to that one's files. Files
 * only ever come from inside the search folders: a name or a symbolic link
 * that leads outside is refused.
 */
export async function loadTemplate(name: string, searchDirs: string[] = [builtinTemplatesDir]): Promise<TemplateSource> {
  const roots = await trustedRoots(searchDirs);
  const chain = await resolveChain(name, roots);
  const folders = chain.flatMap((link) => link.folders);

  const find = async (relative: string) => {
    for (const folder of folders) {
      const file = path.join(folder.dir, relative);
      if (existsSync(file)) return readTrusted(file, folder.root);
    }
    return null;
  };

  const layoutFile = await find('layout.hbs');
  if (!layoutFile) {
    throw new TemplateError(`Template "${name}" has no layout.hbs (looked in ${folders.map((f) => displayPath(f.dir)).join(', ')})`);
  }
  const partials = new Map<string, TemplateFile>();
  for (const folder of folders) {
    const partialsDir = path.join(folder.dir, 'partials');
    if (!existsSync(partialsDir)) continue;
    for (const relative of (await glob('**/*.hbs', { cwd: partialsDir })).sort()) {
      const partialName = relative.slice(0, -'.hbs'.length);
      if (partials.has(partialName)) continue;
      const file = path.join(partialsDir, relative);
      partials.set(partialName, { name: partialName, path: displayPath(file), source: await readTrusted(file, folder.root) });
    }
  }
  const [header, footer, script] = await Promise.all([find('header.hbs'), find('footer.hbs'), find('script.js')]);
  const styles: string[] = [];
  const labels: Record<string, Record<string, string>> = {};
  for (const link of [...chain].reverse()) {
    const style = link.folders.map((folder) => path.join(folder.dir, 'style.css')).find((file) => existsSync(file));
    if (style) styles.push(await readTrusted(style, link.folders.find((f) => style.startsWith(f.dir))!.root));
    for (const [lang, words] of Object.entries(link.manifest.labels ?? {})) labels[lang] = { ...labels[lang], ...words };
  }
  const [first] = chain;
  const asFile = (fileName: string, source: string | null): TemplateFile | null =>
    source === null ? null : { name: fileName, path: displayPath(pathOf(folders, `${fileName}.hbs`)), source };
  return {
    name,
    dir: first!.folders[0]!.dir,
    description: first!.manifest.description,
    formats: first!.manifest.formats,
    extends: chain.slice(1).map((link) => link.name),
    layout: asFile('layout', layoutFile)!,
    partials: [...partials.values()],
    header: asFile('header', header),
    footer: asFile('footer', footer),
    css: styles.join('\n'),
    script,
    labels,
  };
}

/** The names of every template found in the search folders, sorted. */
export async function listTemplates(searchDirs: string[] = [builtinTemplatesDir]): Promise<string[]> {
  const names = new Set<string>();
  for (const dir of searchDirs) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory() && existsSync(path.join(dir, entry.name, 'template.json'))) names.add(entry.name);
    }
  }
  return [...names].sort();
}

async function resolveChain(name: string, roots: string[]): Promise<ChainLink[]> {
  const chain: ChainLink[] = [];
  let current: string | undefined = name;
  let from: string | null = null;
  while (current !== undefined) {
    if (!templateName.safeParse(current).success) {
      throw new TemplateError(`Invalid template name "${current}": expected letters, digits and dashes`);
    }
    if (chain.some((link) => link.name === current)) {
      throw new TemplateError(`Template "${name}" extends itself: ${[...chain.map((link) => link.name), current].join(' → ')}`);
    }
    const folders = roots.map((root) => ({ dir: path.join(root, current!), root })).filter((folder) => isDirectory(folder.dir));
    if (folders.length === 0) throw await unknownTemplate(current, roots, from);
    const manifestPath = folders.map((folder) => path.join(folder.dir, 'template.json')).find((file) => existsSync(file));
    if (!manifestPath) {
      throw new TemplateError(
        `Template "${current}" has no template.json (looked in ${folders.map((f) => displayPath(f.dir)).join(', ')})`,
      );
    }
    const manifest = await readTemplateManifest(manifestPath, folders.find((folder) => manifestPath.startsWith(folder.dir))!.root);
    chain.push({ name: current, folders, manifest, manifestPath });
    from = manifestPath;
    current = manifest.extends;
  }
  return chain;
}

async function unknownTemplate(name: string, roots: string[], extendedFrom: string | null): Promise<TemplateError> {
  const known = (await listTemplates(roots)).filter((candidate) => candidate !== 'index');
  const hint = suggest(name, known);
  const what = extendedFrom ? `${displayPath(extendedFrom)}: extends unknown template "${name}"` : `Unknown template "${name}"`;
  return new TemplateError(`${what}${hint ? ` (did you mean "${hint}"?)` : ''}; available: ${known.join(', ')}`);
}

/** The search folders that exist, as real paths, without duplicates. */
async function trustedRoots(searchDirs: string[]): Promise<string[]> {
  const roots: string[] = [];
  for (const dir of searchDirs) {
    const real = await realpath(dir).catch(() => null);
    if (real && !roots.includes(real)) roots.push(real);
  }
  return roots;
}

/** Read a template file, refusing one whose real path (after symbolic links) is outside its search folder. */
async function readTrusted(file: string, root: string): Promise<string> {
  const real = await realpath(file);
  if (real !== root && !real.startsWith(root + path.sep)) {
    throw new TemplateError(`${displayPath(file)} resolves outside the template folders (to ${real})`);
  }
  return readFile(real, 'utf8');
}

function pathOf(folders: { dir: string }[], relative: string): string {
  return folders.map((folder) => path.join(folder.dir, relative)).find((file) => existsSync(file)) ?? relative;
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
