import { accessSync, constants } from 'node:fs';
import { BrowserError } from '../errors.js';

/** Where Chrome or Chromium usually lives, in the order we try them. */
export const browserCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export const installHint =
  'Install one (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: install Google Chrome) ' +
  'or point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium executable.';

/**
 * The Chrome/Chromium to print with: an explicit path, then
 * `PUPPETEER_EXECUTABLE_PATH`, then the usual system locations. roadmap-press
 * never downloads a browser. Throws one readable error when there is none.
 */
export function findBrowser(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const requested = explicit ?? env['PUPPETEER_EXECUTABLE_PATH'];
  if (requested) {
    if (isExecutable(requested)) return requested;
    const source = explicit ? 'The browser path' : 'PUPPETEER_EXECUTABLE_PATH';
    throw new BrowserError(`${source} "${requested}" is not an executable file. ${installHint}`);
  }
  const found = browserCandidates.find(isExecutable);
  if (found) return found;
  throw new BrowserError(`No Chrome or Chromium found to print PDFs. ${installHint}`);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
