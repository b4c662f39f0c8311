import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject } from './helpers/make-project.js';
import { cliPath, runCli, type CliResult } from './helpers/run-cli.js';

const roadmap = '# Env\n\n## Phase 1: Basics (Weeks 1-2)\n\n- [ ] One\n';

/** Exactly one line on stderr, no stack trace, exit 1. */
function expectOneLine(result: CliResult, line: string) {
  expect(result.stderr.trim()).toBe(line);
  expect(result.code).toBe(1);
}

/** The CLI run by an unprivileged user (as root, permissions would not apply). */
function runUnprivileged(args: string[], cwd: string): Promise<CliResult> {
  return runCli(args, { cwd, ...(process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}) });
}

describe('environment errors are one line each, exit 1', () => {
  it('an output folder that cannot be written (EACCES)', async () => {
    const cwd = await makeProject({ 'content/a.md': roadmap });
    await mkdir(path.join(cwd, 'locked'));
    await chmod(path.join(cwd, 'locked'), 0o555);
    await chmod(cwd, 0o755);
    expectOneLine(
      await runUnprivileged(['build', '--format', 'html', '--out', 'locked/out'], cwd),
      'error Cannot create the output folder locked/out: permission denied (EACCES)',
    );
  }, 30_000);

  it('an output path under a file (ENOTDIR), or that is a file', async () => {
    const cwd = await makeProject({ 'content/a.md': roadmap, 'afile.txt': 'a file' });
    expectOneLine(
      await runCli(['build', '--format', 'html', '--out', 'afile.txt/out'], { cwd }),
      'error Cannot create the output folder afile.txt/out: a part of the path is a file, not a folder (ENOTDIR)',
    );
    expectOneLine(
      await runCli(['build', '--format', 'html', '--out', 'afile.txt'], { cwd }),
      'error Cannot create the output folder afile.txt: a part of the path is a file, not a folder (ENOTDIR)',
    );
    expect(await readFile(path.join(cwd, 'afile.txt'), 'utf8')).toBe('a file');
  }, 30_000);

  it('--out /proc/nope ends at once with one line, no busy loop', async () => {
    const cwd = await makeProject({ 'content/a.md': roadmap });
    expectOneLine(
      await runCli(['build', '--format', 'html', '--out', '/proc/nope'], { cwd }),
      'error Cannot create the output folder /proc/nope: no such file or folder (ENOENT)',
    );
  }, 30_000);

  it('a config module whose getter throws', async () => {
    const cwd = await makeProject({
      'content/a.md': roadmap,
      'roadmap.config.mjs': 'export default { get content() { throw new Error("getter says no"); } };\n',
    });
    expectOneLine(
      await runCli(['build', '--format', 'html'], { cwd }),
      'error roadmap.config.mjs: reading the config failed: getter says no',
    );
  }, 30_000);

  it.each([
    ['an array', '[]'],
    ['a string', '"cache"'],
    ['null', 'null'],
    ['entries of the wrong type', '{"version":1,"entries":[1,2]}'],
    ['an entry of the wrong shape', '{"version":1,"entries":{"a":{"source":5,"outputs":"x"}}}'],
    [
      'an entry without dependencies',
      '{"version":1,"entries":{"a":{"source":"/x","outputs":{},"summary":{"title":"A","phases":1,"weeks":1,"items":1},"diagnostics":[]}}}',
    ],
  ])(
    'a cache file of valid JSON but the wrong shape (%s) counts as empty',
    async (_name, json) => {
      const cwd = await makeProject({ 'content/a.md': roadmap, 'output/.roadmap-press-cache.json': json });
      const result = await runCli(['build', '--format', 'html'], { cwd });
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stderr).toContain('Built 1 roadmap in');
      expect(result.stderr).toContain('1 file written');
      expect(result.code).toBe(0);
      const cache = JSON.parse(await readFile(path.join(cwd, 'output/.roadmap-press-cache.json'), 'utf8')) as { entries: object };
      expect(Object.keys(cache.entries)).toEqual(['a']);
    },
    30_000,
  );

  it('a roadmap that cannot be read is its own error; the others are built', async () => {
    const cwd = await makeProject({ 'content/a.md': roadmap, 'content/b.md': roadmap });
    await chmod(path.join(cwd, 'content/b.md'), 0o000);
    await chmod(cwd, 0o755);
    await mkdir(path.join(cwd, 'output'));
    await chmod(path.join(cwd, 'output'), 0o777);
    const result = await runUnprivileged(['build', '--format', 'html'], cwd);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).toContain('content/b.md:1:1 error Cannot read this file: permission denied (EACCES) [read]');
    expect(await readFile(path.join(cwd, 'output/a.html'), 'utf8')).toContain('One');
    expect(result.code).toBe(1);
  }, 30_000);

  it('an unreadable sub-folder is an error, not a silent gap', async () => {
    const cwd = await makeProject({ 'content/a.md': roadmap, 'content/sub/b.md': roadmap });
    await chmod(path.join(cwd, 'content/sub'), 0o000);
    await chmod(cwd, 0o755);
    await chmod(path.join(cwd, 'content'), 0o755);
    const result = await runUnprivileged(['check', 'content'], cwd);
    expectOneLine(result, 'error Cannot read folder content/sub: permission denied (EACCES)');
  }, 30_000);

  it('a full disk (ENOSPC): one line, exit 1, the previous file kept, no temporary file left', async () => {
    const cwd = await makeProject({ 'content/a.md': roadmap });
    await mkdir(path.join(cwd, 'out'));
    // A 256 KB tmpfs, all but 8 KB taken, in a mount namespace of its own (util-linux `unshare`): the
    // handout (tens of KB) cannot fit. The folder is gone when the namespace ends, so it is listed inside.
    const script = [
      'mount -t tmpfs -o size=256k tmpfs out',
      "printf 'the previous handout' > out/a.html",
      'head -c 241664 /dev/zero > out/filler 2>/dev/null',
      `"$NODE" "$CLI" build --format html --out out --no-cache > stdout.txt 2> stderr.txt; echo "exit $?"`,
      'ls -A out',
      'cat out/a.html',
    ].join('\n');
    const listing = await new Promise<string>((resolve, reject) =>
      execFile(
        'unshare',
        ['-rm', 'sh', '-c', script],
        { cwd, env: { ...process.env, NO_COLOR: '1', NODE: process.execPath, CLI: cliPath } },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      ),
    );
    const stderr = await readFile(path.join(cwd, 'stderr.txt'), 'utf8');
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).toContain('Cannot write out/a.html: no space left on the device (ENOSPC)');
    expect(listing.split('\n')).toEqual(['exit 1', 'a.html', 'filler', 'the previous handout']);
  }, 30_000);
});
