import Handlebars from 'handlebars';
import { TemplateError } from '../errors.js';
import type { TemplateSource, TemplateFile } from './load-template.js';
import { registerHelpers } from './register-helpers.js';

/** A rendered document: the HTML page, and the PDF's running header and footer when the template has them. */
export interface RenderedDocument {
  html: string;
  header: string | null;
  footer: string | null;
}

/** Renders a view model to a document. Pure. */
export type Render = (view: object) => RenderedDocument;

/**
 * Compile a template into a render function, in its own Handlebars instance:
 * strict (a misspelt field is an error, not an empty string), HTML-escaping,
 * prototype access off. The template's CSS is available as `{{{@style}}}`.
 */
export function createRenderer(template: TemplateSource): Render {
  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  for (const partial of template.partials) {
    handlebars.registerPartial(partial.name, compile(handlebars, partial));
  }
  const layout = compile(handlebars, template.layout);
  const header = template.header && compile(handlebars, template.header);
  const footer = template.footer && compile(handlebars, template.footer);
  return function render(view) {
    const options = { data: { style: template.css } };
    try {
      return {
        html: layout(view, options),
        header: header ? header(view, options) : null,
        footer: footer ? footer(view, options) : null,
      };
    } catch (error) {
      throw new TemplateError(`Template "${template.name}" failed to render: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };
}

function compile(handlebars: typeof Handlebars, file: TemplateFile): HandlebarsTemplateDelegate {
  try {
    // Parse now so a syntax error names its file; Handlebars would otherwise compile lazily.
    handlebars.parse(file.source);
  } catch (error) {
    const message = (error as Error).message;
    const line = /on line (\d+)/.exec(message)?.[1];
    const detail = message.split('\n').at(-1) ?? message;
    throw new TemplateError(`${file.path}${line ? `:${line}` : ''}: ${detail}`, { cause: error });
  }
  return handlebars.compile(file.source, { strict: true, preventIndent: true });
}
