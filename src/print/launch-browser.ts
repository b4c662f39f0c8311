import puppeteer, { type Browser } from 'puppeteer-core';
import { BrowserError } from '../errors.js';
import { findBrowser, installHint, isHeadlessShell } from './find-browser.js';

export interface LaunchOptions {
  /** Chrome/Chromium executable; found automatically when omitted. */
  executablePath?: string;
}

/**
 * Start one headless Chromium for the whole run. It makes no background
 * requests of its own (no updates, sync or metrics) and reaches no network at
 * all (a proxy to nowhere, no name resolution), and runs without the
 * sandbox only where it must: as root, where Chromium refuses to start with it.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = findBrowser(options.executablePath);
  const args = [
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--no-first-run',
    '--no-default-browser-check',
    '--metrics-recording-only',
    '--mute-audio',
    '--font-render-hinting=none',
    // Offline below the page too: every request (prefetches and preconnects the page's filter never sees
    // included) goes to a proxy that is not there, and no host name resolves.
    '--proxy-server=http://127.0.0.1:9',
    '--proxy-bypass-list=<-loopback>',
    '--host-resolver-rules=MAP * ~NOTFOUND',
    '--dns-prefetch-disable',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  try {
    // roadmap-press closes the browser itself on SIGINT/SIGTERM, after removing its temporary files.
    return await puppeteer.launch({
      executablePath,
      headless: isHeadlessShell(executablePath) ? 'shell' : true,
      pipe: true,
      args,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new BrowserError(`Could not start ${executablePath}: ${reason}. ${installHint}`, { cause: error });
  }
}
