import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Parents, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../model/roadmap.js';
import type { ViewItem, ViewModel } from '../model/to-view-model.js';

/** How a document shows the roadmap's images. */
export interface ImageOptions {
  /** The roadmap's folder: only image files inside it are embedded. */
  baseDir: string;
  /**
   * What becomes of an `http(s):` image: `keep` it (the PDF's print page blocks
   * and reports it), or show its `alt` text (the self-contained handout).
   */
  remote: 'keep' | 'alt';
}

const mediaTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};

/** Largest image file embedded, in bytes. */
const maxImageBytes = 10 * 1024 * 1024;

/**
 * Embed the roadmap's local images (files inside its folder) as `data:` URLs,
 * so documents stay self-contained and print offline. An image that is
 * missing, outside the folder, too large or of an unknown type becomes its alt
 * text, with a warning at its item's line.
 */
export async function resolveImages(
  view: ViewModel,
  options: ImageOptions,
): Promise<{ view: ViewModel; diagnostics: Diagnostic[]; files: string[] }> {
  const diagnostics: Diagnostic[] = [];
  // Every local file looked at, found or not: the build cache watches them.
  const files = new Set<string>();
  const cache = new Map<string, Promise<string>>();
  const root = path.resolve(options.baseDir);

  async function embed(src: string): Promise<{ url: string } | { problem: string } | null> {
    if (/^https?:/i.test(src)) return options.remote === 'keep' ? { url: src } : null;
    let file: string;
    try {
      file = src.startsWith('file:') ? fileURLToPath(src) : path.resolve(root, decodeURIComponent(src.split(/[?#]/)[0] ?? ''));
    } catch {
      return { problem: `Unexpected image URL ${src}, expected a file inside the roadmap's folder` };
    }
    const relative = path.relative(root, file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      return { problem: `Unexpected image ${src} outside the roadmap's folder, expected a file inside it` };
    }
    files.add(file);
    const type = mediaTypes[path.extname(file).toLowerCase()];
    if (!type) return { problem: `Unexpected image type ${src}, expected ${Object.keys(mediaTypes).join(', ')}` };
    let read = cache.get(file);
    if (!read) {
      read = readFile(file).then(
        (data) =>
          data.length > maxImageBytes
            ? `Unexpected image size ${src} (${Math.round(data.length / 1024 / 1024)} MB), expected at most 10 MB`
            : `data:${type};base64,${data.toString('base64')}`,
        () => `Cannot read image ${src}: no such file in the roadmap's folder`,
      );
      cache.set(file, read);
    }
    const result = await read;
    return result.startsWith('data:') ? { url: result } : { problem: result };
  }

  async function resolveItem(item: ViewItem): Promise<ViewItem> {
    const children = await Promise.all(item.children.map(resolveItem));
    if (!item.html.includes('<img')) return { ...item, children };
    const tree: Root = fromHtml(item.html, { fragment: true });
    const images: { image: Element; index: number; parent: Parents }[] = [];
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName === 'img' && parent && index !== undefined) images.push({ image: node, index, parent });
    });
    for (const { image, index, parent } of images) {
      const src = String(image.properties.src ?? '');
      const result = src ? await embed(src) : null;
      if (result && 'url' in result) {
        image.properties.src = result.url;
        continue;
      }
      if (result) diagnostics.push({ severity: 'warning', message: result.problem, line: item.line, column: null, rule: 'image' });
      parent.children[index] = { type: 'text', value: String(image.properties.alt ?? '') };
    }
    return { ...item, html: toHtml(tree), children };
  }

  const parts = await Promise.all(
    view.parts.map(async (part) => ({
      ...part,
      topics: await Promise.all(part.topics.map(async (topic) => ({ ...topic, items: await Promise.all(topic.items.map(resolveItem)) }))),
    })),
  );
  return {
    view: { ...view, parts, phases: parts.filter((part) => part.isPhase), sections: parts.filter((part) => !part.isPhase) },
    diagnostics,
    files: [...files].sort(),
  };
}
