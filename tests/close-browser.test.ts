import { describe, expect, it } from 'vitest';
import { closeBrowser } from '../src/print/close-browser.js';
import { launchBrowser } from '../src/print/launch-browser.js';
import { openPrintPage, printPdf } from '../src/print/print-pdf.js';
import { browserProcesses, isRunning, waitForExit } from './helpers/processes.js';

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('closing the browser', () => {
  it('lets Chromium exit by itself and leaves no timer of puppeteer holding the process', async () => {
    const browser = await launchBrowser();
    const child = browser.process()!;
    const page = await openPrintPage(browser);
    await printPdf(page, '<!doctype html><title>t</title><p>One page.</p>', { header: null, footer: null });
    const before = timers();
    await closeBrowser(browser);
    // browser.close() leaves a 100 ms timer per page (puppeteer waiting for a frame swap) that keeps a build's process alive.
    expect(timers()).toBeLessThanOrEqual(before);
    expect(browser.connected).toBe(false);
    // Shut down, not killed.
    expect(child.exitCode).toBe(0);
    expect(child.signalCode).toBeNull();
    expect(isRunning(child.pid!)).toBe(false);
    expect(browserProcesses(process.pid).map((info) => info.pid)).not.toContain(child.pid);
  });

  it('closes a browser that already went away without throwing', async () => {
    const browser = await launchBrowser();
    const child = browser.process()!;
    const gone = new Promise((resolve) => browser.once('disconnected', resolve));
    child.kill('SIGKILL');
    await gone;
    await waitForExit([child.pid!]);
    await expect(closeBrowser(browser)).resolves.toBeUndefined();
  });
});
