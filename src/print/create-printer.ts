import os from 'node:os';
import type { Browser, Page } from 'puppeteer';
import { launchBrowser, type LaunchOptions } from './launch-browser.js';
import { printPdf, type PrintOptions } from './print-pdf.js';

export interface PrinterOptions extends LaunchOptions {
  /** How many pages print at once; defaults to the number of CPU cores (at most 4). */
  concurrency?: number;
}

/** Prints HTML documents to PDF with one shared browser and a small pool of reused pages. */
export interface Printer {
  /** Start the browser now (e.g. while Markdown is still being parsed). */
  warm(): Promise<void>;
  print(html: string, options: PrintOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * One Chromium per run, launched lazily; at most `concurrency` pages print at
 * the same time and each page is reused for the next document.
 */
export function createPrinter(options: PrinterOptions = {}): Printer {
  const limit = Math.max(1, options.concurrency ?? Math.min(os.availableParallelism(), 4));
  let browser: Promise<Browser> | null = null;
  const idle: Page[] = [];
  const waiting: ((page: Page) => void)[] = [];
  let open = 0;
  let closed = false;

  const getBrowser = () => (browser ??= launchBrowser(options));

  async function acquire(): Promise<Page> {
    const page = idle.pop();
    if (page) return page;
    if (open < limit) {
      open += 1;
      try {
        return await (await getBrowser()).newPage();
      } catch (error) {
        open -= 1;
        throw error;
      }
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  function release(page: Page) {
    const next = waiting.shift();
    if (next) next(page);
    else idle.push(page);
  }

  return {
    async warm() {
      await getBrowser();
    },
    async print(html, printOptions) {
      if (closed) throw new Error('The printer is closed');
      const page = await acquire();
      try {
        return await printPdf(page, html, printOptions);
      } finally {
        release(page);
      }
    },
    async close() {
      closed = true;
      if (!browser) return;
      const launched = await browser.catch(() => null);
      browser = null;
      await launched?.close().catch(() => undefined);
    },
  };
}
