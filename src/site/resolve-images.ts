import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Parents } from 'hast';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../model/roadmap.js';
import { cutItemHtml } from '../pipeline/cut-item-html.js';
import { copyItemElement, type ItemElements } from '../pipeline/find-item-elements.js';
import type { ViewItem, ViewModel } from '../view/to-view-model.js';
import { withParts } from '../view/with-parts.js';
import { sniffImageType } from './sniff-image-type.js';

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

/** The image file names embedded (the type itself is judged by the bytes). */
const imageExtensions = ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg'];

const disallowedUrl =
  "Unexpected image URL of a kind that is not allowed (such as file:), expected a relative path to a file inside the roadmap's folder or an http(s) URL";

/** Largest image file embedded, in bytes. */
const maxImageBytes = 10 * 1024 * 1024;

/** Read one image: inside the roadmap's folder by its real path too (a symbolic link may not lead out), typed by its bytes. */
async function readImage(file: string, src: string, realRoot: Promise<string>): Promise<string> {
  const real = await realpath(file).catch((error: NodeJS.ErrnoException) => error);
  if (real instanceof Error) return `Cannot read image ${src}: ${describeReadError(real)}`;
  const relative = path.relative(await realRoot, real);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return `Unexpected image ${src} leading outside the roadmap's folder (a symbolic link), expected a file inside it`;
  }
  const data = await readFile(real).catch((error: NodeJS.ErrnoException) => error);
  if (data instanceof Error) return `Cannot read image ${src}: ${describeReadError(data)}`;
  if (data.length > maxImageBytes)
    return `Unexpected image size ${src} (${Math.round(data.length / 1024 / 1024)} MB), expected at most 10 MB`;
  const type = sniffImageType(data);
  if (!type) return `Unexpected content in image ${src}, expected PNG, JPEG, GIF, WebP, AVIF or SVG data`;
  return `data:${type};base64,${data.toString('base64')}`;
}

/** Why a file could not be read, in words. */
function describeReadError(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return "no such file in the roadmap's folder";
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
  if (error.code === 'EISDIR') return 'it is a folder, expected a file';
  if (error.code === 'ELOOP') return 'a loop of symbolic links';
  return error.code ?? error.message;
}

/**
 * Embed the roadmap's local images (files inside its folder) as `data:` URLs,
 * so documents stay self-contained and print offline. An image that is
 * missing, outside the folder, too large or of an unknown type becomes its alt
 * text, with a warning at its item's line. A step on the document tree: an
 * item's element (`elements`: those holding images) is copied, its images resolved, and its HTML cut
 * again; the changed copies are returned for the next step (their HTML keeps
 * the space at its ends, see `resolveItem`).
 */
export async function resolveImages(
  view: ViewModel,
  elements: ItemElements,
  options: ImageOptions,
): Promise<{ view: ViewModel; elements: ItemElements; diagnostics: Diagnostic[]; files: string[] }> {
  // No item holds an image (most roadmaps): nothing to look up, no copy of the view.
  if (elements.size === 0) return { view, elements, diagnostics: [], files: [] };
  const diagnostics: Diagnostic[] = [];
  const resolved: ItemElements = new Map();
  // Every local file looked at, found or not: the build cache watches them.
  const files = new Set<string>();
  const cache = new Map<string, Promise<string>>();
  const root = path.resolve(options.baseDir);
  const realRoot = realpath(root).catch(() => root);

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
    if (!imageExtensions.includes(path.extname(file).toLowerCase()))
      return { problem: `Unexpected image type ${src}, expected ${imageExtensions.join(', ')}` };
    let read = cache.get(file);
    if (!read) {
      read = readImage(file, src, realRoot);
      cache.set(file, read);
    }
    const result = await read;
    return result.startsWith('data:') ? { url: result } : { problem: result };
  }

  async function resolveItem(item: ViewItem): Promise<ViewItem> {
    const children = await Promise.all(item.children.map(resolveItem));
    const element = elements.get(item.id);
    if (!element) return { ...item, children };
    const tree = copyItemElement(element);
    const images: { image: Element; index: number; parent: Parents }[] = [];
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName === 'img' && parent && index !== undefined) images.push({ image: node, index, parent });
    });
    // Its images may all have been remote, and gone already.
    if (images.length === 0) return { ...item, children };
    for (const { image, index, parent } of images) {
      const src = String(image.properties.src ?? '');
      // The sanitizer removed a URL it does not allow (`file:`, `javascript:`…): said, not silently dropped.
      const result = src ? await embed(src) : { problem: disallowedUrl };
      if (result && 'url' in result) {
        image.properties.src = result.url;
        continue;
      }
      if (result) diagnostics.push({ severity: 'warning', message: result.problem, line: item.line, column: null, rule: 'image' });
      parent.children[index] = { type: 'text', value: String(image.properties.alt ?? '') };
    }
    resolved.set(item.id, tree);
    // Not trimmed: an image at either end that became its (empty) alt text leaves its space.
    return { ...item, html: cutItemHtml(tree, { trim: false }), children };
  }

  const parts = await Promise.all(
    view.parts.map(async (part) => ({
      ...part,
      topics: await Promise.all(part.topics.map(async (topic) => ({ ...topic, items: await Promise.all(topic.items.map(resolveItem)) }))),
    })),
  );
  return {
    view: withParts(view, parts),
    elements: resolved,
    diagnostics,
    files: [...files].sort(),
  };
}
