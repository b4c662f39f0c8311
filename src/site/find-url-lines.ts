import { visit } from 'unist-util-visit';
import type { ItemElements } from '../pipeline/find-item-elements.js';

/**
 * The source line of every URL the items' elements carry (`src`, `href`),
 * from the document tree's positions: a request blocked while printing is
 * reported where its URL was written (given the items with images, the only
 * URLs of an item a page loads). Plain data, for the worker's answer.
 */
export function findUrlLines(elements: ItemElements): Record<string, number> {
  const lines: Record<string, number> = {};
  for (const element of elements.values()) {
    visit(element, 'element', (node) => {
      const line = node.position?.start.line ?? element.position?.start.line;
      if (line === undefined) return;
      for (const value of [node.properties.src, node.properties.href]) {
        if (typeof value !== 'string') continue;
        for (const url of [value, normalize(value)]) if (url && !(url in lines)) lines[url] = line;
      }
    });
  }
  return lines;
}

/** The URL as the browser reports it (`https://example.com` → `https://example.com/`), else `null`. */
function normalize(url: string): string | null {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}
