import { execFileSync } from 'node:child_process';
import { chmod, lstat, open, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mark, processRoadmap } from '../src/index.js';
import { makeProject } from './helpers/make-project.js';

const roadmap = '# Mark\n\n## Phase 1: Basics (Weeks 1-2)\n\n- [ ] First\n- [ ] Second\n';
const firstId = async () => (await processRoadmap(roadmap, 'a.md')).roadmap!.phases[0]!.topics[0]!.items[0]!.id;

describe('mark never loses a byte', () => {
  it('refuses when the file changed while it was being marked, and keeps the edit', async () => {
    const dir = await makeProject({ 'a.md': roadmap });
    const file = path.join(dir, 'a.md');
    // mark reads the roadmap, then the progress file: a named pipe holds it there while the roadmap is edited.
    const pipe = path.join(dir, 'progress.json');
    execFileSync('mkfifo', [pipe]);
    const marking = mark(file, { from: pipe }).catch((error: Error) => error);
    // Opening the pipe for writing waits for mark to open it for reading: the roadmap has been read by then.
    const writer = await open(pipe, 'w');
    const edited = `${roadmap}- [ ] Third, typed while mark ran\n`;
    await writeFile(file, edited);
    await writer.writeFile(JSON.stringify({ format: 'roadmap-press-progress', version: 1, items: { [await firstId()]: true } }));
    await writer.close();
    const error = await marking;
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`${file} changed while it was being marked: nothing written, run mark again`);
    expect(await readFile(file, 'utf8')).toBe(edited);
  });

  it('writes through a symbolic link to its target, which stays a link', async () => {
    const dir = await makeProject({ 'real.md': roadmap });
    await symlink('real.md', path.join(dir, 'link.md'));
    const { changed } = await mark(path.join(dir, 'link.md'), { done: [await firstId()] });
    expect(changed).toHaveLength(1);
    expect((await lstat(path.join(dir, 'link.md'))).isSymbolicLink()).toBe(true);
    expect(await readlink(path.join(dir, 'link.md'))).toBe('real.md');
    expect(await readFile(path.join(dir, 'real.md'), 'utf8')).toContain('- [x] First');
  });

  it('keeps the file’s permissions', async () => {
    const dir = await makeProject({ 'a.md': roadmap });
    await chmod(path.join(dir, 'a.md'), 0o600);
    await mark(path.join(dir, 'a.md'), { done: [await firstId()] });
    expect((await stat(path.join(dir, 'a.md'))).mode & 0o777).toBe(0o600);
  });

  it('refuses a read-only file', async () => {
    const dir = await makeProject({ 'a.md': roadmap });
    const file = path.join(dir, 'a.md');
    await chmod(file, 0o444);
    await expect(mark(file, { done: [await firstId()] })).rejects.toThrow(
      `${file} is read-only: nothing written (make it writable to mark it)`,
    );
    expect(await readFile(file, 'utf8')).toBe(roadmap);
    expect((await stat(file)).mode & 0o777).toBe(0o444);
  });

  it('refuses a file that is not UTF-8 (Latin-1), naming the line, and leaves every byte', async () => {
    const dir = await makeProject();
    const file = path.join(dir, 'latin.md');
    const latin1 = Buffer.from(`${roadmap}- [ ] Caf\u00e9 cr\u00e8me\n`, 'latin1');
    await writeFile(file, latin1);
    await expect(mark(file, { done: [await firstId()] })).rejects.toThrow(
      `${file}:7:1: not UTF-8 text: nothing written, convert the file to UTF-8 to mark it`,
    );
    expect((await readFile(file)).equals(latin1)).toBe(true);
  });
});
