import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/run-cli.js';

const run = promisify(execFile);
let dir: string;
let tarball: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-pack-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir, '--ignore-scripts'], { cwd: repoRoot });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(dir, packed!.filename);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('ships the compiled CLI, its types and the built-in templates, and nothing of the sources or tests', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.split('\n').filter(Boolean);
    expect(files).toContain('package/dist/cli.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toContain('package/templates/handout/layout.hbs');
    expect(files).toContain('package/templates/checklist/layout.hbs');
    expect(files.some((file) => file.startsWith('package/src/') || file.startsWith('package/tests/'))).toBe(false);
  });

  it('installs into an empty project where `npx roadmap-press build` works', async () => {
    const project = path.join(dir, 'project');
    await mkdir(project);
    await writeFile(path.join(project, 'package.json'), '{"name": "study-group", "private": true}\n');
    await writeFile(
      path.join(project, 'roadmap.md'),
      '# Our Roadmap\n\n## Phase 1: Start (Weeks 1-2)\n\n- Read the book\n- Build a thing\n',
    );
    await run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--prefer-offline', tarball], {
      cwd: project,
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true' },
    });
    const { stderr } = await run('npx', ['--no-install', 'roadmap-press', 'build', 'roadmap.md'], {
      cwd: project,
      env: { ...process.env, NO_COLOR: '1' },
    });
    // It prints with puppeteer-core and a browser found on the machine: puppeteer itself (a dev dependency) is not installed.
    expect(existsSync(path.join(project, 'node_modules/puppeteer-core/package.json'))).toBe(true);
    expect(existsSync(path.join(project, 'node_modules/puppeteer'))).toBe(false);
    expect(stderr).toContain('Built 1 roadmap');
    expect(existsSync(path.join(project, 'output/roadmap.pdf'))).toBe(true);
    expect(await readFile(path.join(project, 'output/roadmap.html'), 'utf8')).toContain('Build a thing');
  }, 240_000);
});
