import { TemplateError } from '../shared/errors.js';
import { hashOf } from '../shared/hash-of.js';
import { createRenderer, type Render } from './create-renderer.js';
import { builtinTemplatesDir, loadTemplate } from './load-template.js';
import type { HelperFunction } from './register-helpers.js';

/** Which template renders each format. */
export interface TemplateChoice {
  html?: string;
  pdf?: string;
}

/** The built-in defaults: the handout for HTML, the checklist for PDF. */
export const defaultTemplates: Required<TemplateChoice> = { html: 'handout', pdf: 'checklist' };

export interface RendererSet {
  html: Render | null;
  pdf: Render | null;
  index: Render;
  /** A hash of everything each format's template renders with (its files, manifest and helpers), for the build cache. */
  fingerprints: { html: string | null; pdf: string | null };
}

/** One template, read and compiled. */
export interface LoadedTemplate {
  render: Render;
  formats: string[];
  fingerprint: string;
}

/**
 * Templates already compiled, by search folders and name, for builds that
 * share them (a `serve` session, see `createTemplateSession`); a failed load
 * is not kept.
 */
export type TemplateCache = Map<string, Promise<LoadedTemplate>>;

/**
 * Load and compile the templates a build needs, once each: the chosen one
 * per wanted format and the index page. `templatesDir` (a project's own
 * `templates/`) is searched before the built-ins, file by file.
 */
export async function loadRenderers(options: {
  formats: readonly ('html' | 'pdf')[];
  template?: TemplateChoice;
  templatesDir?: string;
  helpers?: Record<string, HelperFunction>;
  /** Templates compiled by earlier builds with the same helpers, kept for the next (default: none, load every one). */
  cache?: TemplateCache;
}): Promise<RendererSet> {
  const searchDirs = [...(options.templatesDir ? [options.templatesDir] : []), builtinTemplatesDir];
  const choice = { ...defaultTemplates, ...definedOnly(options.template ?? {}) };
  const cache: TemplateCache = options.cache ?? new Map();
  const helperSources = Object.entries(options.helpers ?? {}).map(([name, helper]) => [name, String(helper)]);
  const load = (name: string) => {
    const key = JSON.stringify([searchDirs, name]);
    let loaded = cache.get(key);
    if (!loaded) {
      loaded = loadTemplate(name, searchDirs).then((template) => ({
        render: createRenderer(template, { helpers: options.helpers }),
        formats: template.formats,
        fingerprint: hashOf(template, helperSources),
      }));
      cache.set(key, loaded);
      // A template that failed to load is read again by the next build (it may be fixed by then).
      loaded.catch(() => cache.get(key) === loaded && cache.delete(key));
    }
    return loaded;
  };
  const forFormat = async (format: 'html' | 'pdf') => {
    if (!options.formats.includes(format)) return null;
    const name = choice[format];
    if (name === 'index') throw new TemplateError(`Template "index" renders the index page, not a roadmap`);
    const loaded = await load(name);
    if (!loaded.formats.includes(format)) {
      throw new TemplateError(`Template "${name}" does not serve ${format} (its template.json lists ${loaded.formats.join(', ')})`);
    }
    return loaded;
  };
  const [html, pdf, index] = await Promise.all([forFormat('html'), forFormat('pdf'), load('index')]);
  return {
    html: html?.render ?? null,
    pdf: pdf?.render ?? null,
    index: index.render,
    fingerprints: { html: html?.fingerprint ?? null, pdf: pdf?.fingerprint ?? null },
  };
}

function definedOnly(choice: TemplateChoice): TemplateChoice {
  return Object.fromEntries(Object.entries(choice).filter(([, value]) => value !== undefined));
}
