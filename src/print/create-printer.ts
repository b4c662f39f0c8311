import os from 'node:os';
import { TimeoutError, type Page } from 'puppeteer-core';
import { PrintError } from '../shared/errors.js';
import { closeBrowser } from './close-browser.js';
import { openBrowser, type BrowserSource, type OpenedBrowser } from './open-browser.js';
import { openPrintPage, printPdf, type PrintOptions, type PrintedPdf } from './print-pdf.js';

export interface PrinterOptions extends BrowserSource {
  /** How many pages print at once; defaults to the number of CPU cores (at most 4). */
  concurrency?: number;
  /** Documents one browser prints before a fresh one replaces it; default 50. */
  recycleAfter?: number;
  /** Milliseconds one document may take to load and print; default 60 000. */
  timeout?: number;
  /** A browser already starting (see `prelaunch`), used for the first session when it came up. */
  prelaunched?: Promise<OpenedBrowser | null>;
}

/** Prints HTML documents to PDF with one shared browser and a small pool of reused pages. */
export interface Printer {
  /** Start the browser now and open the pages to print on, as many as print at once (e.g. while Markdown is still being parsed). */
  warm(): Promise<void>;
  /** Print one document; throws a `PrintError` when it times out or crashes the browser twice. */
  print(html: string, options: PrintOptions): Promise<PrintedPdf>;
  /** Close (or disconnect from) every browser; prints in flight fail. */
  close(): Promise<void>;
  /** Resolves when no document is printing or waiting to print (at once when none is). */
  drained(): Promise<void>;
  /** How many times a crashed browser was replaced so far. */
  readonly relaunches: number;
}

/** One browser and the pages opened in it. */
interface Session {
  opened: Promise<OpenedBrowser>;
  idle: Page[];
  active: number;
  printed: number;
  retired: boolean;
}

/**
 * One Chromium at a time, launched lazily (or connected to); at most
 * `concurrency` pages print at the same time and each page is reused for the
 * next document. After `recycleAfter` documents the browser is replaced by a
 * fresh one; a browser that crashes is relaunched and the document retried once.
 */
export function createPrinter(printerOptions: PrinterOptions = {}): Printer {
  let options = printerOptions;
  const limit = Math.max(1, options.concurrency ?? Math.min(os.availableParallelism(), 4));
  const recycleAfter = Math.max(1, options.recycleAfter ?? 50);
  const timeout = options.timeout ?? 60_000;
  const sessions = new Set<Session>();
  const waiting: (() => void)[] = [];
  const draining: (() => void)[] = [];
  let running = 0;
  let current: Session | null = null;
  let closed = false;
  let relaunches = 0;

  function session(): Session {
    if (current && !current.retired) return current;
    const early = options.prelaunched;
    options = { ...options, prelaunched: undefined };
    const opened = early ? early.then((browser) => browser ?? openBrowser(options)) : openBrowser(options);
    const created: Session = { opened, idle: [], active: 0, printed: 0, retired: false };
    // Pages the launch already opened are the first to print on.
    created.opened.then(
      (browser) => created.idle.push(...(browser.pages ?? [])),
      () => undefined,
    );
    sessions.add(created);
    current = created;
    return created;
  }

  function retire(retiring: Session) {
    retiring.retired = true;
    if (current === retiring) current = null;
    if (retiring.active === 0) void end(retiring);
  }

  async function end(ending: Session) {
    sessions.delete(ending);
    const opened = await ending.opened.catch(() => null);
    if (!opened) return;
    if (opened.owned) await closeBrowser(opened.browser).catch(() => undefined);
    else {
      await Promise.all(ending.idle.map((page) => page.close().catch(() => undefined)));
      await opened.browser.disconnect().catch(() => undefined);
    }
  }

  /** Wait for one of the `limit` slots; the returned function hands it to the next waiting print, or frees it. */
  async function slot(): Promise<() => void> {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    return () => {
      const next = waiting.shift();
      if (next) return next();
      running -= 1;
      if (running === 0) for (const resolve of draining.splice(0)) resolve();
    };
  }

  async function printOnce(html: string, printOptions: PrintOptions): Promise<PrintedPdf> {
    const using = session();
    using.active += 1;
    let page: Page | null = null;
    let reusable = false;
    try {
      const { browser } = await using.opened;
      try {
        page = using.idle.pop() ?? (await openPrintPage(browser));
        const printed = await withTimeout(printPdf(page, html, { ...printOptions, timeout }), timeout);
        using.printed += 1;
        reusable = true;
        return printed;
      } catch (error) {
        if (!browser.connected) {
          if (!using.retired && !closed) relaunches += 1;
          retire(using);
          throw new BrowserCrash(error);
        }
        if (error instanceof TimeoutError) throw new PrintError(timeoutMessage(timeout), { cause: error });
        throw error;
      }
    } finally {
      using.active -= 1;
      if (using.printed >= recycleAfter && !using.retired) retire(using);
      if (page && reusable && !using.retired) using.idle.push(page);
      else if (page) void page.close().catch(() => undefined);
      if (using.retired && using.active === 0) void end(using);
    }

    function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PrintError(timeoutMessage(ms))), ms);
      });
      return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
    }
  }

  return {
    get relaunches() {
      return relaunches;
    },
    async warm() {
      if (closed) return;
      const warming = session();
      const { browser } = await warming.opened;
      // Every page the printer will print on at once, opened together: a print that finds its page
      // open pays none of the page's set-up round trips, which wait behind rendering on the main thread.
      const missing = limit - warming.idle.length - warming.active;
      if (missing <= 0 || warming.retired) return;
      await Promise.all(
        Array.from({ length: missing }, async () => {
          const page = await openPrintPage(browser);
          if (warming.retired || closed) await page.close().catch(() => undefined);
          else warming.idle.push(page);
        }),
      );
    },
    async print(html, printOptions) {
      const release = await slot();
      try {
        for (let attempt = 1; ; attempt += 1) {
          if (closed) throw new PrintError('The printer is closed');
          try {
            return await printOnce(html, printOptions);
          } catch (error) {
            if (!(error instanceof BrowserCrash)) throw error;
            if (closed) throw new PrintError('The printer is closed', { cause: error.cause });
            if (attempt === 2) {
              throw new PrintError('The browser crashed twice while printing this document', { cause: error.cause });
            }
          }
        }
      } finally {
        release();
      }
    },
    drained() {
      if (running === 0) return Promise.resolve();
      return new Promise<void>((resolve) => draining.push(resolve));
    },
    async close() {
      closed = true;
      current = null;
      await Promise.all([...sessions].map(end));
    },
  };
}

/** The browser went away while printing: it crashed, was killed, or the connection dropped. */
class BrowserCrash extends Error {
  constructor(cause: unknown) {
    super('The browser disconnected', { cause });
  }
}

function timeoutMessage(ms: number): string {
  return `Printing took longer than ${ms / 1000} s (the timeout); the PDF was not written`;
}
