import type { HTTPRequest, Page } from 'puppeteer';

export interface PrintOptions {
  /** Running header and footer (Chromium's print templates), or `null` for none. */
  header: string | null;
  footer: string | null;
  /** Paper format; A4 by default. */
  format?: 'A4' | 'Letter' | 'A5';
}

const prepared = new WeakSet<Page>();

/**
 * Print one HTML document to PDF bytes on a (reused) page. The page runs no
 * JavaScript and makes no network requests: anything but a `data:` URL is
 * blocked. The PDF is tagged, has an outline from the headings, and takes its
 * Title from the document's `<title>`.
 */
export async function printPdf(page: Page, html: string, options: PrintOptions): Promise<Uint8Array> {
  if (!prepared.has(page)) {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', blockNetwork);
    prepared.add(page);
  }
  await page.setContent(html, { waitUntil: 'load' });
  const headerFooter = options.header !== null || options.footer !== null;
  return page.pdf({
    format: options.format ?? 'A4',
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: headerFooter,
    headerTemplate: options.header ?? '<span></span>',
    footerTemplate: options.footer ?? '<span></span>',
    margin: { top: headerFooter ? '18mm' : '14mm', bottom: headerFooter ? '18mm' : '14mm', left: '14mm', right: '14mm' },
    timeout: 60_000,
  });
}

function blockNetwork(request: HTTPRequest) {
  if (request.isInterceptResolutionHandled()) return;
  if (request.url().startsWith('data:')) void request.continue();
  else void request.abort('blockedbyclient');
}
