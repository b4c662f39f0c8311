import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers/run-cli.js';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const dist = path.join(repoRoot, 'dist');

/** Every module specifier a bundled file imports or re-exports, statically or dynamically (comments aside). */
function specifiers(code: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\b[^'"\n;]*?\bfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([@\w./:-]+)["']\s*\)/g,
    /\brequire\(\s*["']([@\w./:-]+)["']\s*\)/g,
  ];
  return [...new Set(patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]!)))];
}

describe('the bundled command-line tool', () => {
  it('loads its code from dist/cli.js and its bundle, not from node_modules (jiti only, on demand, for a roadmap.config.ts)', async () => {
    const files = ['cli.js', 'cli-bundle.cjs', 'render-worker.cjs'];
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const outside: string[] = [];
    for (const file of files) {
      for (const specifier of specifiers(await readFile(path.join(dist, file), 'utf8'))) {
        if (specifier.startsWith('.') || builtins.has(specifier)) continue;
        // ws's optional native add-ons, tried in a try/catch and never installed: ws works without them.
        if (specifier === 'bufferutil' || specifier === 'utf-8-validate') continue;
        // jiti loads its own compiler files by path, so it stays in node_modules, imported only for a TypeScript config.
        if (specifier === 'jiti' && /\bawait import\(\s*["']jiti["']\s*\)/.test(await readFile(path.join(dist, file), 'utf8'))) continue;
        outside.push(`${file}: ${specifier}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('runs as a program that gives Node a young generation large enough for many roadmaps', async () => {
    for (const file of ['cli.js', 'cli-unbundled.js']) {
      const [first] = (await readFile(path.join(dist, file), 'utf8')).split('\n');
      expect(first, file).toBe('#!/usr/bin/env -S node --max-semi-space-size=64');
      const run = spawnSync(path.join(dist, file), ['--version'], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
    }
  });

  it('finds its templates and version from inside the bundle', async () => {
    const result = await runCli(['--version']);
    const { version } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(result.stdout.trim()).toBe(version);
    const listed = await runCli(['init', '--help']);
    expect(listed.code).toBe(0);
  });
});

/** Every indirect object of a PDF as text, streams decompressed: what it says, whatever packed it. */
async function decodedObjects(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  return doc.context.enumerateIndirectObjects().map(([ref, object]) => {
    if (!(object instanceof PDFRawStream)) return `${ref} ${object}`;
    const dict = object.dict.clone();
    dict.delete(PDFName.of('Length'));
    const data = dict.has(PDFName.of('Filter')) ? decodePDFRawStream(object).decode() : object.contents;
    return `${ref} ${dict} ${Buffer.from(data).toString('latin1')}`;
  });
}

describe('the bundled render workers', () => {
  it('render the same HTML as the main thread', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-bundle-'));
    try {
      const content = path.join(repoRoot, 'tests/fixtures/print');
      const outputs: Record<string, string[]> = {};
      for (const workers of ['0', '2']) {
        const out = path.join(dir, `workers-${workers}`);
        const result = spawnSync(
          process.execPath,
          [path.join(dist, 'cli.js'), 'build', content, '--out', out, '--format', 'html', '--workers', workers, '-q'],
          {
            encoding: 'utf8',
          },
        );
        expect(result.status, result.stderr).toBe(0);
        const files = (await readdir(out)).filter((file) => file.endsWith('.html')).sort();
        outputs[workers] = await Promise.all(files.map((file) => readFile(path.join(out, file), 'utf8')));
      }
      expect(outputs['2']!.length).toBeGreaterThan(2);
      expect(outputs['2']).toEqual(outputs['0']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the API and the command-line tool', () => {
  it('write the same PDF bytes for the same input: the bundled CLI, the unbundled one and build()', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-bundle-'));
    try {
      const fixture = path.join(repoRoot, 'tests/fixtures/print/cyrillic.md');
      const env = { ...process.env, SOURCE_DATE_EPOCH: '0' };
      const outputs: string[] = [];
      for (const cli of ['cli.js', 'cli-unbundled.js']) {
        const out = path.join(dir, cli);
        const result = spawnSync(process.execPath, [path.join(dist, cli), 'build', fixture, '--out', out, '--format', 'pdf', '-q'], {
          env,
          encoding: 'utf8',
        });
        expect(result.status, result.stderr).toBe(0);
        outputs.push(path.join(out, 'cyrillic.pdf'));
      }
      // The API as a program that imports the package uses it: dist/index.js, in a process of its own.
      const api = path.join(dir, 'api');
      const script = `import { build } from ${JSON.stringify(pathToFileURL(path.join(dist, 'index.js')).href)};
        await build({ inputs: [${JSON.stringify(fixture)}], out: ${JSON.stringify(api)}, formats: ['pdf'] });`;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      outputs.push(path.join(api, 'cyrillic.pdf'));
      const [bundled, unbundled, fromApi] = await Promise.all(outputs.map((file) => readFile(file)));
      expect(bundled!.length).toBeGreaterThan(1000);
      expect(Buffer.compare(bundled!, unbundled!)).toBe(0);
      expect(Buffer.compare(bundled!, fromApi!)).toBe(0);
      // Byte-equal, and still a PDF whose objects decode.
      expect((await decodedObjects(outputs[0]!)).length).toBeGreaterThan(20);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
