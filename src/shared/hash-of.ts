import { createHash } from 'node:crypto';

/** A stable hash of any number of strings, byte arrays or JSON-able values. */
export function hashOf(...parts: unknown[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' || part instanceof Uint8Array ? part : (JSON.stringify(part) ?? 'undefined');
    hash.update(String(typeof bytes === 'string' ? bytes.length : bytes.byteLength));
    hash.update(':');
    hash.update(bytes);
  }
  return hash.digest('hex');
}
