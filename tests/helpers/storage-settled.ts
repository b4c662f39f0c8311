import type { Page } from 'puppeteer';
import { expect } from 'vitest';

/** Every localStorage entry of the page's origin, sorted: what a page of that origin reads. */
const snapshot = () =>
  JSON.stringify(
    Object.keys(localStorage)
      .sort()
      .map((key) => [key, localStorage.getItem(key)]),
  );

/**
 * Wait until a fresh page of the same browser context reads the localStorage `page` holds now.
 * Chromium hands a page's storage to the browser process asynchronously: under load, a reload or a
 * new tab right after a change can start before it arrives and read the old progress.
 */
export async function storageSettled(page: Page): Promise<void> {
  const expected = await page.evaluate(snapshot);
  const probe = await page.browserContext().newPage();
  try {
    await expect
      .poll(
        async () => {
          await probe.goto(page.url(), { waitUntil: 'load' });
          return probe.evaluate(snapshot);
        },
        { timeout: 15_000, interval: 50 },
      )
      .toBe(expected);
  } finally {
    await probe.close();
  }
}
