import { createHash } from 'node:crypto';

/**
 * A Content-Security-Policy for a self-contained page: nothing loads from
 * anywhere (images only as `data:` URLs), and the only style and script that
 * run are the page's own inline ones, pinned by their SHA-256 hashes.
 */
export function contentSecurityPolicy(style: string, script: string | null): string {
  const directives = [
    "default-src 'none'",
    'img-src data:',
    `style-src ${hash(style)}`,
    `script-src ${script ? hash(script) : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ];
  return directives.join('; ');
}

function hash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
