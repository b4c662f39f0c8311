import Handlebars from 'handlebars';
import { contentSecurityPolicy } from './content-security-policy.js';
import { TemplateError } from '../shared/errors.js';
import { checkTemplateReferences, handlebarsHelpers, parseTemplateFile } from './check-template-references.js';
import type { TemplateSource, TemplateFile } from './load-template.js';
import { builtinHelpers, registerHelpers, type HelperFunction } from './register-helpers.js';
import { resolveTemplateLabels } from './resolve-template-labels.js';

/** A rendered document: the HTML page, and the PDF's running header and footer when the template has them. */
export interface RenderedDocument {
  html: string;
  header: string | null;
  footer: string | null;
}

/** What a render is for: `@format` in the template. Defaults to the template's first format. */
export interface RenderOptions {
  format?: 'html' | 'pdf';
}

/** Renders a view model to a document. Pure. */
export type Render = (view: object, options?: RenderOptions) => RenderedDocument;

export interface RendererOptions {
  /** The project's own helpers (config `helpers`); they may replace built-ins, not Handlebars' own. */
  helpers?: Record<string, HelperFunction>;
}

/**
 * Compile a template into a render function, in its own Handlebars instance:
 * strict (a misspelt field is an error, not an empty string), HTML-escaping,
 * prototype access off. Every partial it includes and every helper it calls
 * is checked first. In the template, `{{{@style}}}` is its CSS, `{{{@script}}}`
 * its `script.js` (HTML only, else empty), `{{@csp}}` a Content-Security-Policy
 * that allows exactly that style and script, `@format` `html` or `pdf`,
 * `@labels` the roadmap's and the template's words.
 * Any failure is one {@link TemplateError} naming the template file and line.
 */
export function createRenderer(template: TemplateSource, options: RendererOptions = {}): Render {
  const handlebars = Handlebars.create();
  const own = options.helpers ?? {};
  for (const name of Object.keys(own)) {
    if (handlebarsHelpers.includes(name)) throw new TemplateError(`Helper "${name}" is built into Handlebars and cannot be replaced`);
  }
  const helpers = { ...builtinHelpers, ...own };
  registerHelpers(handlebars, Object.fromEntries(Object.entries(helpers).map(([name, helper]) => [name, guardHelper(name, helper)])));
  const files = [template.layout, ...template.partials, template.header, template.footer].filter(
    (file): file is TemplateFile => file !== null,
  );
  const parsed = files.map((file) => ({ file, ast: parseTemplateFile(file) }));
  checkTemplateReferences(parsed, new Set(template.partials.map((partial) => partial.name)), [
    ...handlebarsHelpers,
    ...Object.keys(helpers),
  ]);
  for (const partial of template.partials) handlebars.registerPartial(partial.name, compile(handlebars, partial) as never);
  const layout = compile(handlebars, template.layout);
  const header = template.header && compile(handlebars, template.header);
  const footer = template.footer && compile(handlebars, template.footer);
  const policies = {
    html: contentSecurityPolicy(template.css, template.script),
    pdf: contentSecurityPolicy(template.css, null),
  };
  return function render(view, renderOptions = {}) {
    const lang = String((view as { lang?: unknown }).lang ?? 'en');
    const viewLabels = (view as { labels?: Record<string, string> }).labels ?? {};
    const format = renderOptions.format ?? template.formats[0] ?? 'html';
    const data = {
      style: template.css,
      // Print pages run no JavaScript: a PDF never gets the script.
      script: format === 'html' ? (template.script ?? '') : '',
      csp: policies[format],
      format,
      template: template.name,
      labels: { ...resolveTemplateLabels(template.labels, lang), ...viewLabels },
    };
    const runtime = { data, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
    try {
      return {
        html: layout(view, runtime),
        header: header ? header(view, runtime) : null,
        footer: footer ? footer(view, runtime) : null,
      };
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      throw new TemplateError(`Template "${template.name}" failed to render: ${(error as Error).message}`, { cause: error });
    }
  };
}

/** A helper that failed, with where it was called; turned into a message by the file that called it. */
class HelperFailure extends Error {
  constructor(
    readonly helper: string,
    readonly line: number | null,
    cause: unknown,
  ) {
    super(`helper "${helper}" failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

function guardHelper(name: string, helper: HelperFunction): HelperFunction {
  return function (this: unknown, ...args: unknown[]) {
    try {
      return helper.apply(this, args);
    } catch (error) {
      if (error instanceof TemplateError || error instanceof HelperFailure) throw error;
      const loc = (args.at(-1) as { loc?: { start?: { line?: number } } } | undefined)?.loc;
      throw new HelperFailure(name, loc?.start?.line ?? null, error);
    }
  };
}

/** Compile a file (already checked) so that anything failing inside it names the file and line. */
function compile(handlebars: typeof Handlebars, file: TemplateFile): HandlebarsTemplateDelegate {
  const template = handlebars.compile(file.source, { strict: true, preventIndent: true });
  return (context, options) => {
    try {
      return template(context, options);
    } catch (error) {
      throw attribute(error, file);
    }
  };
}

function attribute(error: unknown, file: TemplateFile): TemplateError {
  if (error instanceof TemplateError) return error;
  if (error instanceof HelperFailure) {
    return new TemplateError(`${file.path}${error.line ? `:${error.line}` : ''}: ${error.message}`, { cause: error.cause });
  }
  const message = (error as Error).message ?? String(error);
  // Strict mode: `"titel" not defined in [object Object] - 3:4`.
  const missing = /^"(.+)" not defined in (.+) - (\d+):\d+$/.exec(message);
  if (missing) {
    const parent = missing[2] === 'null' || missing[2] === 'undefined' ? ` (its parent is ${missing[2]})` : '';
    return new TemplateError(`${file.path}:${missing[3]}: missing field "${missing[1]}"${parent}`, { cause: error });
  }
  const partial = /^The partial (.+) could not be found$/.exec(message);
  if (partial) return new TemplateError(`${file.path}: includes partial "${partial[1]}", which does not exist`, { cause: error });
  const at = / - (\d+):\d+$/.exec(message);
  return new TemplateError(`${file.path}${at ? `:${at[1]}` : ''}: ${message.replace(/ - \d+:\d+$/, '')}`, { cause: error });
}
