import { findBrowser } from './find-browser.js';
import { launchBrowser } from './launch-browser.js';
import type { OpenedBrowser } from './open-browser.js';

/**
 * Start Chromium before anything else is loaded, so that it boots (in its own
 * process) while the rest of roadmap-press loads and the Markdown is parsed.
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
    (browser) => ({ browser, owned: true }),
    () => null,
  );
}
