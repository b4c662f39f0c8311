import { closeBrowser } from '../print/close-browser.js';
import type { OpenedBrowser } from '../print/open-browser.js';

/** Who holds the Chromium started early (`prelaunch`), so that it is closed exactly once, by one owner. */
export interface EarlyBrowserHolder {
  options: { prelaunched?: Promise<OpenedBrowser | null> };
  /** Set once the early browser is handed to a printer, which then closes it. */
  earlyBrowserTaken?: boolean;
}

/** Hand the early browser to a printer: from now on the printer owns (and closes) it. */
export function takeEarlyBrowser(holder: EarlyBrowserHolder): Promise<OpenedBrowser | null> | undefined {
  if (!holder.options.prelaunched) return undefined;
  holder.earlyBrowserTaken = true;
  return holder.options.prelaunched;
}

/** Close the early browser when no printer took it (nothing to print, a browser to connect to, or a failed build). */
export async function releaseEarlyBrowser(holder: EarlyBrowserHolder): Promise<void> {
  if (holder.earlyBrowserTaken) return;
  holder.earlyBrowserTaken = true;
  await closeEarlyBrowser(holder.options.prelaunched);
}

/** Close a browser started early, whatever became of it. */
export async function closeEarlyBrowser(prelaunched: Promise<OpenedBrowser | null> | undefined): Promise<void> {
  await prelaunched?.then((early) => early && closeBrowser(early.browser)).catch(() => undefined);
}
