import { findBrowser } from './find-browser.js';
import { launchBrowser } from './launch-browser.js';
import type { Browser } from 'puppeteer-core';
import type { OpenedBrowser } from './open-browser.js';
import { openPrintPage } from './print-pdf.js';

/**
 * Start Chromium before anything else is loaded, so that it boots (in its own
 * process) while the rest of roadmap-press loads and the Markdown is parsed,
 * and open the first page to print on (see `openPrintPage`).
 * Resolves to `null` when no browser can be found or started: the build then
 * looks again when it needs one, and reports the problem properly.
 */
export function prelaunch(executablePath?: string): Promise<OpenedBrowser | null> {
  let path: string;
  try {
    path = findBrowser(executablePath);
  } catch {
    return Promise.resolve(null);
  }
  return launchBrowser({ executablePath: path }).then(
    async (browser) => ({ browser, owned: true, pages: await firstPage(browser) }),
    () => null,
  );
}

/** The first page to print on; none when opening it failed (the printer then opens its own). */
async function firstPage(browser: Browser): Promise<OpenedBrowser['pages']> {
  try {
    return [await openPrintPage(browser)];
  } catch {
    return [];
  }
}
