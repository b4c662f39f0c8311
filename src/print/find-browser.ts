import { accessSync, constants, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser, computeExecutablePath, detectBrowserPlatform } from '@puppeteer/browsers';
import { BrowserError } from '../shared/errors.js';

/**
 * Where Chrome or Chromium usually lives, in the order we try them. The
 * headless shell (Debian's `chromium-headless-shell`, the same Chromium
 * without its desktop parts) comes first, its binary before the wrapper
 * script so that signals reach the browser itself: it starts about 3× faster
 * and prints the same PDF about a quarter faster (see docs/benchmarks.md).
 */
export const browserCandidates = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
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
  'or point PUPPETEER_EXECUTABLE_PATH (or --browser) at a Chrome or Chromium executable, ' +
  "or install one into puppeteer's cache with `npx @puppeteer/browsers install chrome-headless-shell@stable`.";

/**
 * The Chrome/Chromium to print with: an explicit path, then
 * `PUPPETEER_EXECUTABLE_PATH`, then the usual system locations, then the
 * newest browser in puppeteer's cache (`PUPPETEER_CACHE_DIR`, else
 * `~/.cache/puppeteer`). roadmap-press never downloads a browser. Throws one
 * readable error when there is none.
 */
export function findBrowser(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const requested = explicit ?? env.PUPPETEER_EXECUTABLE_PATH;
  if (requested) {
    if (isExecutable(requested)) return requested;
    const source = explicit ? 'The browser path' : 'PUPPETEER_EXECUTABLE_PATH';
    throw new BrowserError(`${source} "${requested}" is not an executable file. ${installHint}`);
  }
  const found = browserCandidates.find(isExecutable) ?? findCachedBrowser(env);
  if (found) return found;
  throw new BrowserError(`No Chrome or Chromium found to print PDFs. ${installHint}`);
}

/** Whether `executable` is a Chrome headless shell, which puppeteer must drive in its `shell` mode. */
export function isHeadlessShell(executable: string): boolean {
  return /headless[-_]shell(\.exe)?$/i.test(path.basename(executable));
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The newest Chrome (or headless shell) that `npx @puppeteer/browsers install` put into puppeteer's cache. */
export function findCachedBrowser(env: NodeJS.ProcessEnv = process.env): string | null {
  const cacheDir = env.PUPPETEER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'puppeteer');
  const platform = detectBrowserPlatform();
  if (!platform) return null;
  for (const browser of [Browser.CHROMEHEADLESSSHELL, Browser.CHROME, Browser.CHROMIUM]) {
    const buildIds = listDir(path.join(cacheDir, browser))
      .filter((name) => name.startsWith(`${platform}-`))
      .map((name) => name.slice(platform.length + 1))
      .sort(compareVersions)
      .reverse();
    for (const buildId of buildIds) {
      const executable = computeExecutablePath({ cacheDir, browser, buildId, platform });
      if (isExecutable(executable)) return executable;
    }
  }
  return null;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
