import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { defaultLayout, type Margin, type Paper } from '../model/page-layout.js';

export interface PrintOptions {
  /** Running header and footer (Chromium's print templates), or `null` for none. */
  header: string | null;
  footer: string | null;
  /** Paper format; A4 by default. */
  paper?: Paper;
  landscape?: boolean;
  margin?: Margin;
  /** Folder whose files the page may load (`file:` URLs inside it); nothing else but `data:` URLs loads. */
  baseDir?: string;
  /** Milliseconds before loading or printing gives up; 60 s by default. */
  timeout?: number;
}

/** One printed document. */
export interface PrintedPdf {
  pdf: Uint8Array;
  /** Every URL the page tried to load and was refused, once each, in order. */
  blocked: string[];
}

interface PageState {
  baseDir: string | null;
  blocked: Set<string>;
}

const states = new WeakMap<Page, PageState>();

/**
 * Print one HTML document to PDF bytes on a (reused) page. The page runs no
 * JavaScript and makes no network requests: anything but a `data:` URL or a
 * file inside `baseDir` is blocked and reported in `blocked`. The PDF is
 * tagged, has an outline from the headings, and takes its Title from the
 * document's `<title>`.
 */
export async function printPdf(page: Page, html: string, options: PrintOptions): Promise<PrintedPdf> {
  const state = await preparePage(page);
  state.baseDir = options.baseDir ? path.resolve(options.baseDir) : null;
  state.blocked = new Set();
  const timeout = options.timeout ?? 60_000;
  await page.setContent(html, { waitUntil: 'load', timeout });
  const headerFooter = options.header !== null || options.footer !== null;
  const header = options.header === null ? null : dropLoads(options.header, state.blocked);
  const footer = options.footer === null ? null : dropLoads(options.footer, state.blocked);
  const pdf = await page.pdf({
    format: toFormat(options.paper ?? defaultLayout.paper),
    landscape: options.landscape ?? false,
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: headerFooter,
    headerTemplate: header ?? '<span></span>',
    footerTemplate: footer ?? '<span></span>',
    margin: options.margin ?? defaultLayout.margin,
    timeout,
  });
  return { pdf, blocked: [...state.blocked] };
}

/** Turn JavaScript off and requests through the filter on a page, once. */
async function preparePage(page: Page): Promise<PageState> {
  const known = states.get(page);
  if (known) return known;
  const state: PageState = { baseDir: null, blocked: new Set() };
  states.set(page, state);
  await page.setJavaScriptEnabled(false);
  // Offline in the browser's network layer as well (a connected browser has no launch flags for it).
  await page.setOfflineMode(true);
  await page.setRequestInterception(true);
  page.on('request', (request) => filterRequest(request, state));
  return state;
}

/**
 * Open a page ready to print on: JavaScript off, requests filtered. Opening
 * the first page starts Chromium's renderer (about 150 ms), which is worth
 * doing while the Markdown is still being read.
 */
export async function openPrintPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await preparePage(page);
  return page;
}

/**
 * Chromium loads nothing for a running header or footer, and fails the whole
 * print on anything in one that asks it to (a `<link>`, an `@import`, a
 * `url()` or `src` that is not a `data:` URL): each is dropped, its URL
 * reported as blocked.
 */
function dropLoads(template: string, blocked: Set<string>): string {
  const block = (url: string) => {
    blocked.add(url.trim());
    return 'data:,';
  };
  return template
    .replace(/<link\b[^>]*>/gi, (tag) => {
      block(
        /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i
          .exec(tag)
          ?.slice(1)
          .find((value) => value !== undefined) ?? tag,
      );
      return '';
    })
    .replace(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?\s*\)?[^;]*;?/gi, (_, url: string) => {
      block(url);
      return '';
    })
    .replace(/url\(\s*(["']?)(?!data:)([^"')]+)\1\s*\)/gi, (_, _quote: string, url: string) => `url(${block(url)})`)
    .replace(
      /\b(src|srcset|poster)\s*=\s*(?:"(?!data:)([^"]*)"|'(?!data:)([^']*)'|(?!data:|["'])([^\s>]+))/gi,
      (_, name: string, ...urls: string[]) => {
        return `${name}="${block(urls.slice(0, 3).find((value) => value !== undefined) ?? '')}"`;
      },
    );
}

function toFormat(paper: Paper): 'A4' | 'Letter' | 'A5' {
  return paper === 'letter' ? 'Letter' : paper === 'a4' ? 'A4' : 'A5';
}

function filterRequest(request: HTTPRequest, state: PageState) {
  if (request.isInterceptResolutionHandled()) return;
  const url = request.url();
  if (isAllowed(url, state.baseDir)) {
    void request.continue();
    return;
  }
  state.blocked.add(url);
  void request.abort('blockedbyclient');
}

/** `data:` URLs, and `file:` URLs inside `baseDir`, by their real paths (a symbolic link may not lead out). */
function isAllowed(url: string, baseDir: string | null): boolean {
  if (url.startsWith('data:')) return true;
  if (!baseDir || !url.startsWith('file:')) return false;
  try {
    const relative = path.relative(realpathSync(baseDir), realpathSync(fileURLToPath(url)));
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  } catch {
    return false;
  }
}
