import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TemplateError } from '../errors.js';
import { displayPath } from '../display-path.js';

/** The built-in templates shipped with roadmap-press (`templates/` of the package). */
export const builtinTemplatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

/** A template's files, read from disk: the layout, its partials and its CSS. */
export interface TemplateSource {
  name: string;
  dir: string;
  layout: TemplateFile;
  partials: TemplateFile[];
  /** Running page header and footer for PDFs (`header.hbs`, `footer.hbs`), when the template has them. */
  header: TemplateFile | null;
  footer: TemplateFile | null;
  css: string;
}

export interface TemplateFile {
  /** Partial name (`item` for `partials/item.hbs`), `layout` for the layout. */
  name: string;
  /** Path shown in error messages, relative to the working directory when inside it. */
  path: string;
  source: string;
}

/**
 * Read a template by name from a trusted templates folder. Names are plain
 * (`handout`, `checklist`): a name that could leave the folder is refused.
 */
export async function loadTemplate(name: string, templatesDir = builtinTemplatesDir): Promise<TemplateSource> {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(name)) {
    throw new TemplateError(`Invalid template name "${name}": expected letters, digits and dashes`);
  }
  const dir = path.join(templatesDir, name);
  const layout = await readTemplateFile(path.join(dir, 'layout.hbs'), 'layout', name);
  const partialsDir = path.join(dir, 'partials');
  const names = (await readdir(partialsDir).catch(() => [] as string[])).filter((file) => file.endsWith('.hbs')).sort();
  const partials = await Promise.all(
    names.map((file) => readTemplateFile(path.join(partialsDir, file), file.slice(0, -'.hbs'.length), name)),
  );
  const [header, footer, css] = await Promise.all([
    readOptional(path.join(dir, 'header.hbs'), 'header', name),
    readOptional(path.join(dir, 'footer.hbs'), 'footer', name),
    readFile(path.join(dir, 'style.css'), 'utf8').catch(() => ''),
  ]);
  return { name, dir, layout, partials, header, footer, css };
}

async function readTemplateFile(file: string, name: string, template: string): Promise<TemplateFile> {
  try {
    return { name, path: displayPath(file), source: await readFile(file, 'utf8') };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : String(error);
    throw new TemplateError(`Template "${template}": ${displayPath(file)} ${reason}`, { cause: error });
  }
}

async function readOptional(file: string, name: string, template: string): Promise<TemplateFile | null> {
  return readTemplateFile(file, name, template).catch((error: unknown) => {
    if ((error as Error).cause && ((error as Error).cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  });
}
