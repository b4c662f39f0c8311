import { spawn } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, formatDiagnostic, type BuildResult } from '../src/index.js';
import { makeProject } from './helpers/make-project.js';
import { cliPath } from './helpers/run-cli.js';

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function lines(result: BuildResult): string[] {
  return result.roadmaps.flatMap((roadmap) => roadmap.diagnostics.map((d) => formatDiagnostic(roadmap.source, d)));
}

describe('nothing goes wrong silently', () => {
  it('content/index.md is refused with an error instead of being overwritten by the index page', async () => {
    const cwd = await makeProject({ 'content/index.md': '# My Index\n\n- item\n', 'content/a.md': '# A\n\n- item\n' });
    const result = await build({ cwd, formats: ['html'] });
    expect(lines(result)).toEqual([
      'content/index.md:1:1 error Unexpected roadmap named index: its handout would be overwritten by the index page, expected another file name [read]',
    ]);
    const index = await readFile(path.join(cwd, 'output/index.html'), 'utf8');
    expect(index).toContain('href="a.html"');
  });

  it('a file: image URL is a warning, its alt text shown', async () => {
    const cwd = await makeProject({ 'content/a.md': '# A\n\n- see ![the host](file:///etc/hostname)\n' });
    const result = await build({ cwd, formats: ['html'] });
    expect(lines(result)).toEqual([
      "content/a.md:3:1 warning Unexpected image URL of a kind that is not allowed (such as file:), expected a relative path to a file inside the roadmap's folder or an http(s) URL [image]",
    ]);
    expect(await readFile(path.join(cwd, 'output/a.html'), 'utf8')).toContain('see the host');
  });

  it('reference-style images and links work like inline ones', async () => {
    const cwd = await makeProject({
      'content/a.md': '# A\n\n- a ![dot][r1] and [docs][l1]\n\n[r1]: dot.png\n[l1]: https://example.com/docs\n',
    });
    await writeFile(path.join(cwd, 'content/dot.png'), png);
    const result = await build({ cwd, formats: ['html'] });
    expect(lines(result)).toEqual([]);
    const html = await readFile(path.join(cwd, 'output/a.html'), 'utf8');
    expect(html).toContain(`src="data:image/png;base64,${png.toString('base64')}"`);
    expect(html).toContain('href="https://example.com/docs"');
    expect(html).not.toContain('![dot][r1]');
  });

  it('an image that cannot be read says so (not "no such file")', async () => {
    const cwd = await makeProject({ 'content/a.md': '# A\n\n- see ![dot](dot.png)\n' });
    await writeFile(path.join(cwd, 'content/dot.png'), png);
    await chmod(path.join(cwd, 'content/dot.png'), 0o000);
    await chmod(cwd, 0o755);
    await mkdir(path.join(cwd, 'output'));
    await chmod(path.join(cwd, 'output'), 0o777);
    const asRoot = process.getuid?.() === 0;
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [cliPath, 'build', '--format', 'html'], {
        cwd,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      let text = '';
      child.stderr.on('data', (chunk: Buffer) => (text += chunk));
      child.on('error', reject);
      child.on('close', () => resolve(text));
    });
    expect(stderr).toContain('content/a.md:3:1 warning Cannot read image dot.png: permission denied [image]');
  }, 30_000);
});
