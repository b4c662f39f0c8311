import { once } from 'node:events';
import type { Browser } from 'puppeteer-core';

/** How long a browser told to close may take to exit before it is killed (puppeteer waits as long). */
const exitTimeout = 5_000;

/**
 * Close a browser this run launched, and wait until its process has exited.
 * `browser.close()` does the same, but as Chromium closes, each page's
 * session ends while the connection is still open, and puppeteer then waits
 * 100 ms for a frame swap that never comes: a timer that kept the process
 * alive for up to 100 ms after every build (see docs/benchmarks.md, fifth
 * pass). Here the browser is told to close over a session of its own and the
 * connection is dropped at once, so every page's session ends on a closed
 * connection; Chromium still shuts down by itself (exit code 0), and
 * puppeteer still removes its temporary profile when the process exits.
 */
export async function closeBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  if (!child || !browser.connected || child.exitCode !== null || child.signalCode !== null) return browser.close();
  const exited = once(child, 'exit');
  try {
    const session = await browser.target().createCDPSession();
    // The answer may never come: the browser closes the connection as it goes.
    session.send('Browser.close').catch(() => undefined);
  } catch {
    return browser.close();
  }
  await browser.disconnect();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(resolve, exitTimeout, 'late');
  });
  const outcome = await Promise.race([exited.then(() => 'exited' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') kill(child.pid);
}

/** Kill a browser that did not exit: its whole process group, as puppeteer does (it starts Chromium as a group leader). */
function kill(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
