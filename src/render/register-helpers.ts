import type Handlebars from 'handlebars';

/**
 * The built-in helpers every template can use. Pure functions of their
 * arguments; anything that returns markup escapes what it inserts.
 *
 * - `{{#if (eq a b)}}`: strict equality.
 * - `{{plural count "item" "items"}}`: the word that fits the count.
 * - `{{percent part whole}}`: a rounded percentage, `0` when `whole` is 0.
 */
export function registerHelpers(handlebars: typeof Handlebars): void {
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('plural', (count: number, singular: string, plural: string) =>
    count === 1 ? singular : plural,
  );
  handlebars.registerHelper('percent', (part: number, whole: number) =>
    whole > 0 ? Math.round((part / whole) * 100) : 0,
  );
}
