#!/usr/bin/env node
// Bundles the command-line tool (src/cli.ts and everything it loads, dependencies included)
// into dist/cli.js plus chunks in dist/chunks/, after `tsc` has written dist/ (the library API).
// One file instead of ~700 makes a cold `roadmap-press build` start about 0.4 s sooner
// (docs/benchmarks.md); code split so that what a command does not use (the dev server,
// `init`, puppeteer's WebDriver BiDi) is never read.
import { chmodSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
            const browsers = createRequire(import.meta.url).resolve('@puppeteer/browsers');
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
await build({
  absWorkingDir: root,
  // The render worker sits next to the chunk that starts it (src/site/render-in-workers.ts looks beside itself).
  entryPoints: { cli: 'src/cli.ts', 'chunks/render-worker': 'src/site/render-worker.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The library code uses `import.meta.url`; CommonJS dependencies inside the bundle may `require`.
  banner: { js: "import { createRequire as __rpCreateRequire } from 'node:module';\nconst require = __rpCreateRequire(import.meta.url);" },
  // pdf-lib keeps its own pako (no Node zlib in its place, though that would warm up ~90 ms sooner):
  // the API and the CLI must write the same PDF bytes for the same input (tests/bundle.test.ts).
  plugins: [lazyProxyAgent],
  // jiti (for a roadmap.config.ts only) loads its own compiler files by path: it stays in node_modules.
  external: ['jiti'],
  allowOverwrite: true,
  legalComments: 'eof',
  logLevel: 'warning',
});
