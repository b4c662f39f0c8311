import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BrowserError } from '../shared/errors.js';
import { launchBrowser, type LaunchOptions } from './launch-browser.js';

export interface BrowserSource extends LaunchOptions {
  /** Connect to a running Chrome's DevTools HTTP endpoint (`http://127.0.0.1:9222`) instead of launching one. */
  browserUrl?: string;
  /** Connect to a DevTools WebSocket (`ws://…`, e.g. a browserless pool) instead of launching one. */
  browserWs?: string;
}

/** A browser this run uses: `owned` when we launched it (and must close it), else connected to. */
export interface OpenedBrowser {
  browser: Browser;
  owned: boolean;
  /** Pages already opened (see `openPrintPage`), ready to print on. */
  pages?: Page[];
}

/** Launch a Chromium, or connect to a running one when `browserUrl` or `browserWs` is given. */
export async function openBrowser(source: BrowserSource): Promise<OpenedBrowser> {
  const endpoint = source.browserWs ?? source.browserUrl;
  if (!endpoint) return { browser: await launchBrowser(source), owned: true };
  try {
    const browser = await puppeteer.connect(source.browserWs ? { browserWSEndpoint: source.browserWs } : { browserURL: endpoint });
    return { browser, owned: false };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new BrowserError(`Could not connect to the browser at ${endpoint}: ${reason}`, { cause: error });
  }
}
