#!/usr/bin/env node
// Bundles the command-line tool (src/cli.ts and everything it loads, dependencies included) into one
// CommonJS script, dist/cli-bundle.cjs, after `tsc` has written dist/ (the library API), and writes
// dist/cli.js, the program, which runs that script with a V8 code cache (scripts/start-cli.mjs).
// One file instead of ~700 makes a cold `roadmap-press build` start about 0.4 s sooner; the code cache
// saves compiling it again at every start (docs/benchmarks.md). What a command does not use (the dev
// server, `init`, puppeteer's WebDriver BiDi) is compiled only when it runs: esbuild wraps each module
// imported lazily in a function, which V8 leaves uncompiled until it is called.
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import { simple } from 'acorn-walk';
import { build } from 'esbuild';

/**
 * puppeteer's browser helpers import `proxy-agent` (and with it a JavaScript engine for PAC files)
 * only to download browsers, which roadmap-press never does; 1.9 MB of code that would otherwise be
 * evaluated at every start. In the bundle, `ProxyAgent` is a stand-in that requires the real one,
 * resolved from where @puppeteer/browsers would resolve it, the first time one is made.
 */
const lazyProxyAgent = {
  name: 'lazy-proxy-agent',
  setup(bundle) {
    bundle.onResolve({ filter: /^proxy-agent$/ }, () => ({ path: 'proxy-agent', namespace: 'lazy-proxy-agent' }));
    bundle.onLoad({ filter: /.*/, namespace: 'lazy-proxy-agent' }, () => ({
      loader: 'js',
      contents: `
        import { createRequire } from 'node:module';
        export class ProxyAgent {
          constructor(...args) {
            const browsers = createRequire(__filename).resolve('@puppeteer/browsers');
            const { ProxyAgent: Real } = createRequire(browsers)('proxy-agent');
            return new Real(...args);
          }
        }`,
    }));
  },
};

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
rmSync(path.join(root, 'dist/chunks'), { recursive: true, force: true });
// tsc's own dist/cli.js, which loads each module from dist/ and node_modules, is kept for `npm run bench`
// to measure what the bundle saves.
renameSync(path.join(root, 'dist/cli.js'), path.join(root, 'dist/cli-unbundled.js'));
chmodSync(path.join(root, 'dist/cli-unbundled.js'), 0o755);
/**
 * Every `import()` of the script (a config, plugins, helpers: files of the user's) made a call of
 * `__rpImport`, which dist/cli.js passes in. In Node 20 a function that V8 took from the code cache
 * loses the script's `import()` handler ("A dynamic import callback was not specified"), so the script
 * never imports by itself.
 */
function withImportFunction(code) {
  const edits = [];
  simple(parse(code, { ecmaVersion: 'latest', allowHashBang: true }), {
    ImportExpression(node) {
      edits.push({ start: node.start, end: node.source.start });
    },
  });
  let result = code;
  for (const { start, end } of edits.sort((a, b) => b.start - a.start)) result = `${result.slice(0, start)}__rpImport(${result.slice(end)}`;
  return result;
}

/** The options both CommonJS scripts share: dependencies bundled, `import.meta.url` the script's own URL. */
const commonJs = {
  absWorkingDir: root,
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { 'import.meta.url': '__rpImportMetaUrl', 'import.meta.resolve': '__rpImportMetaResolve' },
  banner: {
    js: [
      "const __rpImportMetaUrl = require('node:url').pathToFileURL(__filename).href;",
      // Only the TypeScript sources resolve with it (to run the render worker through tsx in the tests).
      "const __rpImportMetaResolve = () => { throw new Error('import.meta.resolve is not available in the bundle'); };",
    ].join('\n'),
  },
  // pdf-lib keeps its own pako (no Node zlib in its place, though that would warm up ~90 ms sooner):
  // the API and the CLI must write the same PDF bytes for the same input (tests/bundle.test.ts).
  plugins: [lazyProxyAgent],
  // jiti (for a roadmap.config.ts only) loads its own compiler files by path: it stays in node_modules.
  external: ['jiti'],
  allowOverwrite: true,
  legalComments: 'eof',
  logLevel: 'warning',
};
// The render worker sits next to the script that starts it (src/site/render-in-workers.ts looks beside itself).
await build({ ...commonJs, entryPoints: { 'cli-bundle': 'src/cli.ts', 'render-worker': 'src/site/render-worker.ts' } });
const bundled = path.join(root, 'dist/cli-bundle.cjs');
writeFileSync(bundled, withImportFunction(readFileSync(bundled, 'utf8')));
const bundleId = createHash('sha256').update(readFileSync(bundled)).digest('hex').slice(0, 16);
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'scripts/start-cli.mjs' },
  outdir: 'dist',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  define: { RP_BUNDLE_ID: JSON.stringify(bundleId) },
  allowOverwrite: true,
  logLevel: 'warning',
});
chmodSync(path.join(root, 'dist/cli.js'), 0o755);
