/**
 * roadmap-press prints with a system Chromium (found at run time, see
 * src/print/find-browser.ts), so puppeteer must never try to download one.
 * @type {import("puppeteer").Configuration}
 */
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  "chrome-headless-shell": { skipDownload: true },
  firefox: { skipDownload: true },
};
