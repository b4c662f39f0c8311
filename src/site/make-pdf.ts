import { PrintError, RoadmapPressError } from '../shared/errors.js';
import type { Diagnostic } from '../model/roadmap.js';
import type { Printer } from '../print/create-printer.js';
import { finishPdf } from '../print/finish-pdf.js';
import type { PageLayout } from '../model/page-layout.js';
import { imposeBooklet } from '../paper/impose-booklet.js';
import { defaultPaper, type PaperOptions } from '../model/paper-options.js';
import { unexpectedFailure } from './to-failure-diagnostic.js';
import type { PreparedPdf } from './prepare-pdf.js';
import { fieldLinkPrefix } from '../view/to-checklist-view.js';

/** A PDF, or `null` when it could not be printed (see the diagnostics). */
export interface MadePdf {
  pdf: Uint8Array | null;
  /** The booklet (`paper.booklet`), else `null`. */
  booklet?: Uint8Array | null;
  diagnostics: Diagnostic[];
}

/** Prints and finishes one prepared checklist. */
export type MakePdf = (prepared: PreparedPdf) => Promise<MadePdf>;

/**
 * Make PDFs with one printer: every blocked request reported as an `offline`
 * warning, fillable boxes, metadata. A document that times out or keeps
 * crashing the browser is a `print` error of that roadmap; the rest of the
 * batch goes on.
 */
export function createPdfMaker(printer: Printer, layout: PageLayout, paper: PaperOptions = defaultPaper): MakePdf {
  return async ({ document, metadata, source, diagnostics: found, checked, fieldPrefix, urlLines }) => {
    const diagnostics = [...found];
    try {
      const print = (paperSize: PageLayout['paper'], landscape: boolean) =>
        printer.print(document.html, {
          header: document.header,
          footer: document.footer,
          paper: paperSize,
          landscape,
          margin: layout.margin,
          baseDir: source.baseDir,
        });
      // Both prints are queued at once: the build closes the printer once its queue is empty.
      const printing = print(layout.paper, layout.landscape);
      const small = paper.booklet ? print('a5', false) : null;
      small?.catch(() => undefined);
      const printed = await printing;
      for (const url of printed.blocked) {
        diagnostics.push({
          severity: 'warning',
          message: `Blocked request to ${url} while printing: printing is offline, only data: URLs and files inside the roadmap's folder load`,
          line: urlLines[url] ?? null,
          column: null,
          rule: 'offline',
        });
      }
      const finish = {
        metadata,
        fieldPrefix,
        checked: new Set(checked),
        // The secret box prefix is left out: the same input still gives the same bytes.
        fingerprint: `${document.html.replaceAll(fieldPrefix, fieldLinkPrefix)}\n${document.header}\n${document.footer}\n${JSON.stringify(layout)}`,
      };
      const pdf = await finishPdf(printed.pdf, finish);
      if (!small) return { pdf, diagnostics };
      // The booklet: the same page printed on A5, imposed on A4 (or Letter) sheets.
      const booklet = await imposeBooklet(await finishPdf((await small).pdf, finish), {
        sheet: layout.paper === 'letter' ? 'letter' : 'a4',
        metadata: finish.metadata,
        fingerprint: `${finish.fingerprint}\nbooklet`,
      });
      return { pdf, booklet, diagnostics };
    } catch (error) {
      // No browser, an interruption: the whole build's problem. Anything else is this roadmap's.
      const ofTheBuild = error instanceof RoadmapPressError && !(error instanceof PrintError);
      if (ofTheBuild || (error instanceof Error && error.name === 'AbortError')) throw error;
      // Whatever else goes wrong printing or finishing this roadmap's PDF is its `print` error; the others go on.
      diagnostics.push(
        error instanceof PrintError
          ? { severity: 'error', message: error.message, line: null, column: null, rule: 'print' }
          : unexpectedFailure(error, 'print'),
      );
      return { pdf: null, diagnostics };
    }
  };
}
