import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, formatDiagnostic, type BuildResult } from '../src/index.js';
import { makeProject } from './helpers/make-project.js';

const secret = 'SECRET-ssh-key-do-not-leak';
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function lines(result: BuildResult): string[] {
  return result.roadmaps.flatMap((roadmap) => roadmap.diagnostics.map((d) => formatDiagnostic(roadmap.source, d, false)));
}

/** A project whose content folder links to files and folders outside it. */
async function linkedProject(): Promise<string> {
  const dir = await makeProject({
    'outside/secret.txt': `${secret}\n`,
    'outside/roadmap.md': `# Outside\n\n- ${secret}\n`,
    'outside/folder/inner.md': `# Inner\n\n- ${secret}\n`,
    'outside/pictures/dot.png': secret,
    'content/a.md': '# A\n\n## Phase 1 (Weeks 1-2)\n\n- first ![the host](img/x.png)\n- second ![a folder](pictures/dot.png)\n',
  });
  await mkdir(path.join(dir, 'content/img'));
  await symlink(path.join(dir, 'outside/secret.txt'), path.join(dir, 'content/img/x.png'));
  await symlink(path.join(dir, 'outside/pictures'), path.join(dir, 'content/pictures'));
  await symlink(path.join(dir, 'outside/roadmap.md'), path.join(dir, 'content/leak.md'));
  await symlink(path.join(dir, 'outside/folder'), path.join(dir, 'content/linked'));
  return dir;
}

describe('files read on a roadmap’s behalf are checked by their real path', () => {
  it('a symbolic link to a file or folder outside the roadmap’s folder is refused: a warning, the alt text, nothing embedded', async () => {
    const cwd = await linkedProject();
    const result = await build({ cwd, formats: ['html'] });
    const html = await readFile(path.join(cwd, 'output/a.html'), 'utf8');
    expect(html).not.toContain(Buffer.from(`${secret}\n`).toString('base64'));
    expect(html).not.toContain(Buffer.from(secret).toString('base64'));
    expect(html).not.toContain('data:image');
    expect(html).toContain('first the host');
    expect(html).toContain('second a folder');
    expect(lines(result).filter((line) => line.startsWith('content/a.md'))).toEqual([
      "content/a.md:5:1 warning Unexpected image img/x.png leading outside the roadmap's folder (a symbolic link), expected a file inside it [image]",
      "content/a.md:6:1 warning Unexpected image pictures/dot.png leading outside the roadmap's folder (a symbolic link), expected a file inside it [image]",
    ]);
  });

  it('a symbolic link to a Markdown file outside the content folder is not built; a linked folder is not followed', async () => {
    const cwd = await linkedProject();
    const result = await build({ cwd, formats: ['html'] });
    expect(result.roadmaps.map((roadmap) => roadmap.source)).toEqual(['content/a.md', 'content/leak.md']);
    expect(lines(result).filter((line) => line.startsWith('content/leak.md'))).toEqual([
      'content/leak.md:1:1 error Unexpected symbolic link leading outside the content folder, expected a file inside it: not read [read]',
    ]);
    expect(existsSync(path.join(cwd, 'output/leak.html'))).toBe(false);
    expect(existsSync(path.join(cwd, 'output/linked/inner.html'))).toBe(false);
    expect(await readFile(path.join(cwd, 'output/index.html'), 'utf8')).not.toContain(secret);
  });

  it('an image’s type comes from its bytes: text named .png is refused, real PNG bytes are embedded as PNG', async () => {
    const cwd = await makeProject({
      'content/a.md': '# A\n\n- text ![fake](fake.png)\n- real ![real](real.png)\n',
      'content/fake.png': 'hello, I am text',
      'content/real.png': png.toString('latin1'),
    });
    await writeFile(path.join(cwd, 'content/real.png'), png);
    const result = await build({ cwd, formats: ['html'] });
    expect(lines(result)).toEqual([
      'content/a.md:3:1 warning Unexpected content in image fake.png, expected PNG, JPEG, GIF, WebP, AVIF or SVG data [image]',
    ]);
    const html = await readFile(path.join(cwd, 'output/a.html'), 'utf8');
    expect(html).toContain(`data:image/png;base64,${png.toString('base64')}`);
    expect(html).toContain('text fake');
  });

  it('a template.json that is a symbolic link out of the templates folder is refused unread, not quoted', async () => {
    const cwd = await makeProject({ 'content/a.md': '# A\n\n- item\n', 'templates/mine/layout.hbs': '<p>{{title}}</p>' });
    await writeFile(path.join(cwd, 'passwd'), 'root:x:0:0:SECRET-LINE\n');
    await symlink(path.join(cwd, 'passwd'), path.join(cwd, 'templates/mine/template.json'));
    const error = await build({ cwd, formats: ['html'], template: { html: 'mine' } }).catch((thrown: Error) => thrown);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /\/templates\/mine\/template\.json resolves outside the template folders \(to .*passwd\): not read$/,
    );
    expect((error as Error).message).not.toContain('SECRET-LINE');
  });

  it('a helpers module that is a symbolic link out of its folder is not loaded', async () => {
    const cwd = await makeProject({
      'content/a.md': '# A\n\n- item\n',
      'elsewhere/helpers.mjs': 'export const shout = (s) => String(s).toUpperCase();\n',
    });
    await mkdir(path.join(cwd, 'lib'));
    await symlink(path.join(cwd, 'elsewhere/helpers.mjs'), path.join(cwd, 'lib/helpers.mjs'));
    const error = await build({ cwd, formats: ['html'], helpers: 'lib/helpers.mjs' }).catch((thrown: Error) => thrown);
    expect((error as Error).message).toMatch(
      /^Helpers module \S*lib\/helpers\.mjs is a symbolic link leading outside its folder \(to .*\): not loaded$/,
    );
  });
});
