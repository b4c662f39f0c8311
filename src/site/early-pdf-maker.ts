import type { MadePdf, MakePdf } from './make-pdf.js';
import type { PreparedPdf } from './prepare-pdf.js';

/**
 * A PDF maker that can start a document before its roadmap is written: `start`
 * begins printing it now, and `make` gives that same print (or starts one).
 * A print started for a build that then fails is dropped: its error, if any,
 * is not left unhandled.
 */
export interface EarlyPdfMaker {
  start: (pdf: PreparedPdf) => void;
  make: MakePdf;
}

/** `makePdf`, able to start each document early. */
export function startEarly(makePdf: MakePdf): EarlyPdfMaker {
  const started = new Map<PreparedPdf, Promise<MadePdf>>();
  return {
    start(pdf) {
      const made = makePdf(pdf);
      made.catch(() => undefined);
      started.set(pdf, made);
    },
    make: (pdf) => started.get(pdf) ?? makePdf(pdf),
  };
}
