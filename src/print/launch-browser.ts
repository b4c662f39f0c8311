import puppeteer, { type Browser } from 'puppeteer-core';
import { BrowserError } from '../shared/errors.js';
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
    const browser = await puppeteer.launch({
      executablePath,
      headless: isHeadlessShell(executablePath) ? 'shell' : true,
      pipe: true,
      args,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    ignorePipeErrors(browser);
    return browser;
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new BrowserError(`Could not start ${executablePath}: ${reason}. ${installHint}`, { cause: error });
  }
}

/**
 * Puppeteer talks to Chromium over two pipes (fds 3 and 4) and drops its error
 * listeners when the browser closes; a command still in flight then fails with
 * EPIPE as an unhandled 'error' event that kills the process (an interrupted
 * build exited 1 instead of 130). The command itself still rejects, so the
 * error is reported where it matters; the pipes' own events can be ignored.
 */
function ignorePipeErrors(browser: Browser): void {
  const stdio = browser.process()?.stdio ?? [];
  for (const stream of [stdio[3], stdio[4]]) stream?.on('error', () => {});
}
