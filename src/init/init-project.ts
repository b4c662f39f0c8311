import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, TemplateError } from '../shared/errors.js';
import { builtinTemplatesDir, loadTemplate } from '../render/load-template.js';
import { sampleReadme, sampleRoadmap } from './sample-project.js';

export interface InitOptions {
  /** Folder to scaffold (created when missing); default the working folder. */
  dir?: string;
  /** A built-in template to copy and select; without one, the defaults (handout and checklist) are copied. */
  template?: string;
  cwd?: string;
}

/**
 * Scaffold a project that builds as is: `roadmap.config.json`, a sample
 * roadmap in `content/`, editable copies of the template's layout, partials
 * and style in `templates/`, and a README. Refuses to overwrite any file:
 * when one exists, nothing is written.
 */
export async function initProject(options: InitOptions = {}): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd();
  const dir = path.resolve(cwd, options.dir ?? '.');
  if (options.template === 'index') throw new TemplateError('Template "index" renders the index page, not a roadmap');
  const names = options.template ? [options.template] : ['handout', 'checklist'];
  const files = new Map<string, string>();
  const config: Record<string, unknown> = { content: 'content', out: 'output' };
  if (options.template) config.template = options.template;
  config.templates = 'templates';
  if (options.template === 'study-group') {
    config.group = { name: 'Our Study Group', members: ['Ana', 'Ben', 'Chloé'], meets: { weekday: 'tuesday', time: '19:00' } };
  }
  files.set('roadmap.config.json', `${JSON.stringify(config, null, 2)}\n`);
  files.set('content/roadmap.md', sampleRoadmap);
  for (const name of names) {
    const template = await loadTemplate(name);
    files.set(`templates/${name}/layout.hbs`, template.layout.source);
    const partials = [...template.partials].sort((a, b) => a.name.localeCompare(b.name));
    for (const partial of partials) files.set(`templates/${name}/partials/${partial.name}.hbs`, partial.source);
    const ownStyle = path.join(builtinTemplatesDir, name, 'style.css');
    if (existsSync(ownStyle)) files.set(`templates/${name}/style.css`, await readFile(ownStyle, 'utf8'));
  }
  files.set('README.md', sampleReadme(names));

  const existing = [...files.keys()].filter((file) => existsSync(path.join(dir, file)));
  if (existing.length > 0) {
    throw new InputError(`Refusing to overwrite existing files in ${path.relative(cwd, dir) || '.'}: ${existing.join(', ')}`);
  }
  const written: string[] = [];
  for (const [file, content] of files) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    // `wx`: fail rather than overwrite a file that appeared meanwhile.
    await writeFile(target, content, { flag: 'wx' });
    written.push(path.relative(cwd, target));
  }
  return written;
}
