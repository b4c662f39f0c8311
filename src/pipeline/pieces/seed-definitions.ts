import type { Construct, Extension, TokenizeContext } from 'micromark-util-types';

/** Identifiers defined anywhere in a document, as micromark compares them (`normalizeIdentifier`). */
export interface DefinedLabels {
  definitions: string[];
  footnotes: string[];
}

/**
 * A micromark extension that tells the parser of one piece which link and
 * footnote labels the rest of the document defines. Definitions are
 * document-wide in CommonMark; the parser only learns the ones in the text it
 * reads, so a piece is parsed knowing them all. The construct runs before any
 * bracket in inline text (where references are resolved) and never matches.
 */
export function seedDefinitions(labels: DefinedLabels): Extension {
  const seeded = new WeakSet<object>();
  const seed: Construct = {
    name: 'seedDefinitions',
    tokenize(this: TokenizeContext, _effects, _ok, nok) {
      const parser: TokenizeContext['parser'] & { gfmFootnotes?: string[] } = this.parser;
      if (!seeded.has(parser)) {
        seeded.add(parser);
        // The list micromark-extension-gfm-footnote keeps on the parser.
        parser.gfmFootnotes ??= [];
        for (const label of labels.definitions) parser.defined.push(label);
        for (const label of labels.footnotes) parser.gfmFootnotes.push(label);
      }
      return nok;
    },
  };
  // `[` starts footnote calls and `]` ends link labels: both look labels up.
  return { text: { 91: seed, 93: seed } };
}
