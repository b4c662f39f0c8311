import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import jsQRModule from 'jsqr';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import puppeteer from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../src/index.js';
import { cleanUrl, compactUrl } from '../src/view/compact-url.js';
import { findPdfWords } from './helpers/find-pdf-words.js';
import { renderPage } from './helpers/poppler.js';
import { readPdf } from './helpers/read-pdf.js';

const roadmap = [
  '# Reading on paper',
  '',
  '## Phase 1: Reading (Weeks 1-2)',
  '',
  '- Read [The Rust Book](https://doc.rust-lang.org/book/?utm_source=newsletter) chapters 1-3',
  '- Watch [a talk](https://www.youtube.com/watch?v=8M0QfLUDaaA) and [the book again](https://doc.rust-lang.org/book/)',
  '- See <https://crates.io>',
  '',
  '## Phase 2: Practice (Week 3)',
  '',
  '- Solve [Rustlings](https://github.com/rust-lang/rustlings/tree/main/exercises/01_variables/README.md) exercises',
  '  - Then [the HashMap page](https://doc.rust-lang.org/std/collections/hash_map/struct.HashMap.html)',
  '',
].join('\n');

// jsqr is CommonJS with an ES-style `default` in its types: take the function either way.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-links-'));
  await writeFile(path.join(dir, 'links.md'), roadmap);
  // A 1×1 PNG, and an item holding it, a remote badge and a link: each step on the item's element sees the one before.
  await writeFile(
    path.join(dir, 'dot.png'),
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
  );
  await writeFile(
    path.join(dir, 'images.md'),
    [
      '# Images and links',
      '',
      '## Phase 1: Basics (Week 1)',
      '',
      '- ![dot](dot.png) Read [the guide](https://example.com/guide) ![ci](https://img.shields.io/badge/ci-passing-green)',
      '- Plain item',
      '',
    ].join('\n'),
  );
  await writeFile(path.join(dir, 'plain.md'), '# Plain\n\n## Phase 1: Basics (Week 1)\n\n- No links here\n- Nor here\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function buildLinks(name: string, options: BuildOptions = {}, input = 'links.md'): Promise<string> {
  const out = path.join(dir, name);
  await build({ inputs: [path.join(dir, input)], out, cwd: dir, sourceDateEpoch: '1', ...options });
  return path.join(out, input.replace(/\.md$/, '.pdf'));
}

/** Every link annotation of a PDF: its URI, or `#` for a link inside the document. */
async function linkTargets(file: string): Promise<string[]> {
  const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  return pdf.getPages().flatMap((page) =>
    (page.node.Annots()?.asArray() ?? [])
      .map((ref) => pdf.context.lookup(ref, PDFDict))
      .filter((annot) => annot.get(PDFName.of('Subtype')) === PDFName.of('Link'))
      .map((annot) => {
        const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString);
        return uri ? uri.decodeText() : annot.get(PDFName.of('Dest')) instanceof PDFArray || annot.has(PDFName.of('Dest')) ? '#' : '?';
      }),
  );
}

describe('links on paper', () => {
  it('marks each link with a number and lists its compact URL after its phase (the default)', async () => {
    const { pages, text } = await readPdf(await buildLinks('footnotes'));
    expect(pages).toHaveLength(1);
    expect(text).toContain('Read The Rust Book 1 chapters 1-3');
    // The same page twice in a phase (tracking parameters and the final slash aside) is one note.
    expect(text).toContain('Watch a talk 2 and the book again 1');
    // An autolink already prints its URL: no note.
    expect(text).toContain('See https://crates.io Week 2');
    const phase2 = text.indexOf('Phase 2: Practice Week 3');
    const firstList = text.indexOf('LINKS 1 doc.rust-lang.org/book');
    expect(firstList).toBeGreaterThan(text.indexOf('See https://crates.io'));
    expect(firstList).toBeLessThan(text.lastIndexOf('Phase 2: Practice'));
    expect(text).toContain('2 youtube.com/watch?v=8M0QfLUDaaA');
    expect(text.slice(phase2)).toContain('Solve Rustlings 3 exercises');
    expect(text.slice(phase2)).toContain('3 github.com/rust-lang/rustlings/tree/main/…/README.md');
    expect(text.slice(phase2)).toContain('4 doc.rust-lang.org/std/collections/…/struct.HashMap.html');
    expect(text).not.toContain('utm_source');
  });

  it('keeps every link clickable: the item links, the notes, and the marks (which jump to their note)', async () => {
    const targets = await linkTargets(path.join(dir, 'footnotes/links.pdf'));
    expect(targets).toEqual(
      expect.arrayContaining([
        'https://doc.rust-lang.org/book/?utm_source=newsletter',
        'https://doc.rust-lang.org/book/',
        'https://www.youtube.com/watch?v=8M0QfLUDaaA',
        'https://crates.io/',
        'https://github.com/rust-lang/rustlings/tree/main/exercises/01_variables/README.md',
      ]),
    );
    expect(targets.filter((target) => target === '#')).toHaveLength(5);
  });

  it('numbers a link in an item whose images were embedded and whose badge was dropped, keeping the embedded image', async () => {
    const file = await buildLinks('images', {}, 'images.md');
    const { text } = await readPdf(file);
    expect(text).toContain('Read the guide 1');
    expect(text).toContain('1 example.com/guide');
    expect(text).not.toContain('ci');
    const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
    const images = pdf.context
      .enumerateIndirectObjects()
      .filter(([, object]) => object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'))
      // The PNG's alpha channel is an image of its own, the other's soft mask.
      .filter(([, object]) => (object as PDFRawStream).dict.has(PDFName.of('SMask')))
      .map(([, object]) => (object as PDFRawStream).dict.get(PDFName.of('Width'))?.toString());
    // The local 1×1 image, embedded as a data: URL (printing is offline: a file path would print Chromium's
    // broken-image icon and the alt text).
    expect(images).toEqual(['1']);
    expect(text).not.toContain('dot');
  });

  it('lists every link once at the end with --link-list end, numbered through the document', async () => {
    const { text } = await readPdf(await buildLinks('end', { linkList: 'end' }));
    expect(text).toContain('Watch a talk 2 and the book again 1');
    expect(text).toContain('Solve Rustlings 3 exercises');
    const list = text.indexOf('LINKS 1 doc.rust-lang.org/book');
    expect(list).toBeGreaterThan(text.indexOf('Then the HashMap page 4'));
    expect(text.match(/\bLINKS\b/g)).toHaveLength(1);
  });

  it('prints a QR code beside each note with --links qr, which decodes to the URL', async () => {
    const file = await buildLinks('qr', { links: 'qr' });
    const words = await findPdfWords(file);
    const page = await renderPage(file, 1, { dpi: 200 });
    const urls: string[] = [];
    for (const display of ['doc.rust-lang.org/book', 'youtube.com/watch?v=8M0QfLUDaaA']) {
      const word = words.find((candidate) => candidate.text === display)!;
      // The code (16 mm, about 45 pt) sits left of the note's number, centred on its line.
      const middle = (word.bottom + word.top) / 2;
      const box = { left: word.left - 70, right: word.left - 5, bottom: middle - 32, top: middle + 32 };
      const step = 1 / page.scale;
      const width = Math.round((box.right - box.left) * page.scale);
      const height = Math.round((box.top - box.bottom) * page.scale);
      const rgba = new Uint8ClampedArray(width * height * 4);
      for (let row = 0; row < height; row += 1) {
        for (let column = 0; column < width; column += 1) {
          const grey = page.at(box.left + column * step, box.top - row * step);
          rgba.set([grey, grey, grey, 255], (row * width + column) * 4);
        }
      }
      urls.push(jsQR(rgba, width, height)?.data ?? `no code beside ${display}`);
    }
    expect(urls).toEqual(['https://doc.rust-lang.org/book/', 'https://www.youtube.com/watch?v=8M0QfLUDaaA']);
  });

  it('prints links as they are with --links none, and a roadmap without links the same with or without notes', async () => {
    const { text } = await readPdf(await buildLinks('none', { links: 'none' }));
    expect(text).toContain('Read The Rust Book chapters 1-3');
    expect(text).not.toContain('LINKS');
    expect(await linkTargets(path.join(dir, 'none/links.pdf'))).toContain('https://doc.rust-lang.org/book/?utm_source=newsletter');
    const [withNotes, without] = await Promise.all([
      readFile(await buildLinks('plain-footnotes', {}, 'plain.md')),
      readFile(await buildLinks('plain-none', { links: 'none' }, 'plain.md')),
    ]);
    expect(withNotes.equals(without)).toBe(true);
  });

  it('keeps live links in the handout, without marks (in Chromium)', async () => {
    const browser = await puppeteer.launch({
      executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(path.join(dir, 'footnotes/links.html')).href);
      expect(await page.$$eval('.link-ref, .link-notes', (found) => found.length)).toBe(0);
      const hrefs = await page.$$eval('main label a', (links) => links.map((link) => (link as HTMLAnchorElement).href));
      expect(hrefs).toContain('https://doc.rust-lang.org/book/?utm_source=newsletter');
      expect(hrefs).toHaveLength(6);
    } finally {
      await browser.close();
    }
  });

  it('compacts URLs for reading off paper', () => {
    expect(compactUrl('https://www.example.com/')).toBe('example.com');
    expect(compactUrl('https://example.com/a?utm_source=x&q=1')).toBe('example.com/a?q=1');
    expect(compactUrl('https://example.com/docs/guide/chapter-one/section/page.html', 30)).toBe('example.com/docs/…/page.html');
    expect(compactUrl('https://example.com/%C3%A9t%C3%A9')).toBe('example.com/été');
    expect(cleanUrl('https://example.com/?fbclid=1&id=2')).toBe('https://example.com/?id=2');
  });
});
