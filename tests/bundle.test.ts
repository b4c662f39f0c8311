import { readFile, readdir } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers/run-cli.js';

const dist = path.join(repoRoot, 'dist');

/** Every module specifier a bundled file imports or re-exports, statically or dynamically (comments aside). */
function specifiers(code: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\b[^'"\n;]*?\bfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([@\w./:-]+)["']\s*\)/g,
  ];
  return [...new Set(patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]!)))];
}

describe('the bundled command-line tool', () => {
  it('loads its code from dist/cli.js and its chunks, not from node_modules', async () => {
    const files = ['cli.js', ...(await readdir(path.join(dist, 'chunks'))).map((file) => `chunks/${file}`)];
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const outside: string[] = [];
    for (const file of files.filter((name) => name.endsWith('.js'))) {
      for (const specifier of specifiers(await readFile(path.join(dist, file), 'utf8'))) {
        if (specifier.startsWith('.') || builtins.has(specifier)) continue;
        outside.push(`${file}: ${specifier}`);
      }
    }
    expect(outside).toEqual([]);
    expect(files.length).toBeGreaterThan(2);
  });

  it('finds its templates and version from inside the bundle', async () => {
    const result = await runCli(['--version']);
    const { version } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(result.stdout.trim()).toBe(version);
    const listed = await runCli(['init', '--help']);
    expect(listed.code).toBe(0);
  });
});
