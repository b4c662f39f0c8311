#!/usr/bin/env -S node --max-semi-space-size=64
// The source of dist/cli.js (scripts/bundle-cli.mjs writes it there): it runs the bundled command-line
// tool, dist/cli-bundle.cjs, with a V8 code cache, the compiled code of the functions the last run of the
// same command used. Node 20 has no compile cache of its own (module.enableCompileCache is Node 22), so the
// bundle is a CommonJS script compiled by `vm.Script`, which takes and makes V8's cache. A cache that is
// missing, stale, corrupt or unwritable only costs the compile it would have saved: the tool runs the same.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** Set by scripts/bundle-cli.mjs: a hash of the bundle's source, so a new build never meets an old cache. */
const bundleId = RP_BUNDLE_ID;
const commands = ['build', 'serve', 'init', 'inspect', 'check', 'merge', 'mark'];
/** Caches of other builds of the tool are removed once they have not been written for this long. */
const keepOthersMs = 7 * 24 * 60 * 60 * 1000;
const checksumLength = 20;

const bundle = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli-bundle.cjs');
const source = readFileSync(bundle, 'utf8');
const folder = cacheFolder();
const file = folder && path.join(folder, cacheName());
const cachedData = file ? readCache(file) : undefined;
const wrapped = `(function (exports, require, module, __filename, __dirname, __rpImport) {${source.replace(/^#!.*/, '')}\n})`;
const script = new vm.Script(wrapped, { filename: bundle, cachedData });
// Written when the process ends, so that it holds every function this command compiled.
if (file && (!cachedData || script.cachedDataRejected)) process.once('exit', () => writeCache(folder, file, script.createCachedData()));
const module = { exports: {} };
// The bundle's `import()`s (scripts/bundle-cli.mjs makes them calls of `__rpImport`) resolve here, in its folder.
const importModule = (specifier, options) => import(specifier, options);
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle), importModule);

/** `$ROADMAP_PRESS_CODE_CACHE`, else `$XDG_CACHE_HOME/roadmap-press`, else `~/.cache/roadmap-press`; none for `off` (or no home). */
function cacheFolder() {
  const chosen = process.env.ROADMAP_PRESS_CODE_CACHE;
  if (chosen === 'off') return undefined;
  if (chosen) return path.resolve(chosen);
  // A relative $XDG_CACHE_HOME is to be ignored (the XDG base directory specification), and so is a
  // relative or empty home (`HOME=`): the cache never lands in the folder the tool runs in.
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'roadmap-press');
  let home;
  try {
    home = os.homedir();
  } catch {
    // os.homedir() throws for a user without a home directory entry.
    return undefined;
  }
  return path.isAbsolute(home) ? path.join(home, '.cache', 'roadmap-press') : undefined;
}

/** One cache per build of the tool, command, Node and flags (V8 rejects a cache made under other flags). */
function cacheName() {
  const command = commands.includes(process.argv[2]) ? process.argv[2] : 'other';
  const { size, mtimeMs } = statSync(bundle);
  const key = createHash('sha1')
    .update(JSON.stringify([size, mtimeMs, process.version, process.arch, process.execArgv]))
    .digest('hex');
  return `cli-${bundleId}-${command}-${key.slice(0, 12)}.v8cache`;
}

/** The cache's data, when it is there and whole (a checksum first: V8 itself does not check a release build's cache). */
function readCache(name) {
  let data;
  try {
    data = readFileSync(name);
  } catch {
    return undefined;
  }
  const payload = data.subarray(checksumLength);
  const whole = data.length > checksumLength && createHash('sha1').update(payload).digest().equals(data.subarray(0, checksumLength));
  return whole ? payload : undefined;
}

/** Write the cache atomically (a unique temporary file renamed into place); any failure leaves things as they were. */
function writeCache(dir, name, payload) {
  const temporary = `${name}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, Buffer.concat([createHash('sha1').update(payload).digest(), payload]));
    renameSync(temporary, name);
    removeOtherBuilds(dir);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Not even that: nothing was written.
    }
  }
}

/** Caches of other builds of the tool, not written for a week: an upgrade leaves nothing behind for long. */
function removeOtherBuilds(dir) {
  const now = Date.now();
  for (const entry of readdirSync(dir)) {
    if (!entry.startsWith('cli-') || entry.startsWith(`cli-${bundleId}-`)) continue;
    const other = path.join(dir, entry);
    if (now - statSync(other).mtimeMs > keepOthersMs) rmSync(other, { force: true });
  }
}
