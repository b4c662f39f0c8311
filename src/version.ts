import { readFileSync } from 'node:fs';

/** roadmap-press's own version, from its package.json. */
export const version: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** The generator name written into every output. */
export const generator = `roadmap-press ${version}`;
