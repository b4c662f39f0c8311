import { mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject } from './helpers/make-project.js';
import { repoRoot, runCli } from './helpers/run-cli.js';

// dist/cli.js runs the bundle with a V8 code cache (scripts/start-cli.mjs): these are real runs of the
// compiled tool, on a project whose config and plugins it imports (dynamic imports from cached code).

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function temporaryFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-code-cache-'));
  made.push(dir);
  return dir;
}

/** The plugins project (a roadmap.config.mjs, remark-emoji and a local rehype plugin), this repository's node_modules linked in. */
async function pluginProject(): Promise<string> {
  const dir = await makeProject({}, 'plugins');
  made.push(dir);
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Build the project to HTML from scratch with the given environment; the handout it wrote. */
async function build(dir: string, env: NodeJS.ProcessEnv): Promise<string> {
  await rm(path.join(dir, 'output'), { recursive: true, force: true });
  const result = await runCli(['build', '--format', 'html', '-q', '--no-cache'], { cwd: dir, env });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return readFile(path.join(dir, 'output/emoji.html'), 'utf8');
}

/** The cache files in a folder, with the inode each has (a rewrite renames a new file into place). */
async function cacheFiles(dir: string): Promise<{ name: string; ino: number }[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.v8cache'));
  return Promise.all(names.map(async (name) => ({ name, ino: (await stat(path.join(dir, name))).ino })));
}

describe('the code cache of the command-line tool', () => {
  it('is written by the first run of a command and used, unchanged, by the next, which builds the same', async () => {
    const [project, cache] = await Promise.all([pluginProject(), temporaryFolder()]);
    const uncached = await build(project, { ROADMAP_PRESS_CODE_CACHE: 'off' });
    expect(uncached).toContain('Install <code title="a command">RUSTUP</code> 🚀');

    expect(await build(project, { ROADMAP_PRESS_CODE_CACHE: cache })).toBe(uncached);
    const written = await cacheFiles(cache);
    expect(written).toEqual([{ name: expect.stringMatching(/^cli-[0-9a-f]{16}-build-[0-9a-f]{12}\.v8cache$/), ino: expect.any(Number) }]);
    expect((await stat(path.join(cache, written[0]!.name))).size).toBeGreaterThan(100_000);

    expect(await build(project, { ROADMAP_PRESS_CODE_CACHE: cache })).toBe(uncached);
    expect(await cacheFiles(cache)).toEqual(written);
    // Another command has a cache of its own.
    const version = await runCli(['--version'], { env: { ROADMAP_PRESS_CODE_CACHE: cache } });
    expect(version.code).toBe(0);
    expect((await cacheFiles(cache)).map(({ name }) => name.split('-')[2]).sort()).toEqual(['build', 'other']);
  });

  it('is replaced when it is corrupt or V8 rejects it, and the build is the same', async () => {
    const [project, cache] = await Promise.all([pluginProject(), temporaryFolder()]);
    const uncached = await build(project, { ROADMAP_PRESS_CODE_CACHE: 'off' });
    await build(project, { ROADMAP_PRESS_CODE_CACHE: cache });
    const [first] = await cacheFiles(cache);
    const file = path.join(cache, first!.name);
    const good = await readFile(file);

    // Bytes flipped in the middle of the compiled code, the length unchanged.
    const corrupt = Buffer.from(good);
    for (let at = corrupt.length >> 1; at < (corrupt.length >> 1) + 64; at += 1) corrupt[at] = corrupt[at]! ^ 0xff;
    await writeFile(file, corrupt);
    const corruptIno = (await stat(file)).ino;
    expect(await build(project, { ROADMAP_PRESS_CODE_CACHE: cache })).toBe(uncached);
    expect((await stat(file)).ino).not.toBe(corruptIno);
    expect((await readFile(file)).equals(corrupt)).toBe(false);

    // A whole file (its checksum right) that V8 rejects: made for another V8, say. Its first bytes are V8's magic number.
    const { createHash } = await import('node:crypto');
    const payload = Buffer.from(good.subarray(20));
    payload[0] = payload[0]! ^ 0xff;
    await writeFile(file, Buffer.concat([createHash('sha1').update(payload).digest(), payload]));
    const rejectedIno = (await stat(file)).ino;
    expect(await build(project, { ROADMAP_PRESS_CODE_CACHE: cache })).toBe(uncached);
    expect((await stat(file)).ino).not.toBe(rejectedIno);
    // And the cache written in its place is used again.
    const [replaced] = await cacheFiles(cache);
    expect(await build(project, { ROADMAP_PRESS_CODE_CACHE: cache })).toBe(uncached);
    expect(await cacheFiles(cache)).toEqual([replaced]);
  });

  it('never stops or troubles a run when its folder cannot be made or written', async () => {
    const [project, scratch] = await Promise.all([pluginProject(), temporaryFolder()]);
    const uncached = await build(project, { ROADMAP_PRESS_CODE_CACHE: 'off' });
    // A folder inside a file: neither read nor made (build() checks that stderr stays empty).
    const file = path.join(scratch, 'a-file');
    await writeFile(file, 'not a folder');
    expect(await build(project, { ROADMAP_PRESS_CODE_CACHE: path.join(file, 'cache') })).toBe(uncached);
    expect(await build(project, { ROADMAP_PRESS_CODE_CACHE: path.join(file, 'cache') })).toBe(uncached);
    expect(await readFile(file, 'utf8')).toBe('not a folder');
  });

  it('lives in $XDG_CACHE_HOME/roadmap-press, and nowhere with ROADMAP_PRESS_CODE_CACHE=off', async () => {
    const [project, home] = await Promise.all([pluginProject(), temporaryFolder()]);
    await build(project, { XDG_CACHE_HOME: home, ROADMAP_PRESS_CODE_CACHE: 'off' });
    expect(await readdir(home)).toEqual([]);
    await build(project, { XDG_CACHE_HOME: home, ROADMAP_PRESS_CODE_CACHE: '' });
    expect((await cacheFiles(path.join(home, 'roadmap-press'))).length).toBe(1);
  });

  it('never lands in the folder the tool runs in: a relative $XDG_CACHE_HOME and an empty $HOME are ignored', async () => {
    const project = await pluginProject();
    const before = (await readdir(project)).sort();
    await build(project, { XDG_CACHE_HOME: 'relative-cache', ROADMAP_PRESS_CODE_CACHE: '', HOME: '' });
    expect((await readdir(project)).filter((name) => name !== 'output').sort()).toEqual(before);
  });
});
