import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, runCli } from './helpers/run-cli.js';

/** The escape character that starts an ANSI colour sequence. */
const ESC = String.fromCharCode(0x1b);

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-terminal-'));
  await mkdir(path.join(dir, 'content'));
  for (const name of ['one', 'two', 'three']) {
    await writeFile(path.join(dir, `content/${name}.md`), `# ${name}\n\n## Phase 1 (Week 1)\n\n- item of ${name}\n`);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Run the CLI on a pseudo-terminal (util-linux `script`), as a person at a terminal would. */
async function onTerminal(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const command = [process.execPath, cliPath, ...args].map((part) => `'${part}'`).join(' ');
  const { stdout } = await run('script', ['-qefc', command, '/dev/null'], {
    cwd: dir,
    env: { ...process.env, CI: '', TERM: 'xterm-256color', COLUMNS: '100', ...env },
  });
  return stdout;
}

describe('terminal output', () => {
  it('draws a progress bar with counts on a terminal, then one summary line', async () => {
    const output = await onTerminal(['build', '--format', 'html', '--no-cache', '--out', 'tty']);
    const uncoloured = output.replace(new RegExp(`${ESC}\\[\\d+m`, 'g'), '');
    expect(uncoloured).toMatch(/█+░*\s1\/3 content\/\w+\.md/);
    expect(uncoloured).toMatch(/█+\s3\/3 content\/\w+\.md/);
    expect(output).toContain('\r\x1b[2K');
    expect(output).toMatch(/Built 3 roadmaps in \d+\.\ds: 3 files written, 0 errors, 0 warnings/);
    expect(output).not.toContain('tty/one.html');
  });

  it('honours NO_COLOR on a terminal', async () => {
    await writeFile(path.join(dir, 'content/bad.md'), '## Stage 1\n\n- no title here\n');
    const colored = await onTerminal(['build', '--format', 'html', '--out', 'colour'], { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(colored).toMatch(new RegExp(`${ESC}\\[33mwarning${ESC}\\[39m`));
    const plain = await onTerminal(['build', '--format', 'html', '--out', 'plain'], { NO_COLOR: '1' });
    expect(plain).toContain('content/bad.md:1:1 warning Missing title');
    expect(plain).not.toMatch(new RegExp(`${ESC}\\[3\\dm`));
    await rm(path.join(dir, 'content/bad.md'));
  });

  it('prints plain lines off a terminal, nothing but problems with --quiet, and every output with --verbose', async () => {
    const plain = await runCli(['build', '--format', 'html', '--out', 'pipe'], { cwd: dir });
    expect(plain.stderr).not.toContain('█');
    expect(
      plain.stderr
        .split('\n')
        .filter((line) => line.startsWith('  '))
        .sort(),
    ).toEqual(['  pipe/one.html', '  pipe/three.html', '  pipe/two.html']);
    expect(plain.stderr).toMatch(/^Built 3 roadmaps in \d+\.\ds: 3 files written, 0 errors, 0 warnings$/m);

    const quiet = await runCli(['build', '--format', 'html', '--out', 'pipe', '--quiet'], { cwd: dir });
    expect(quiet.stderr).toBe('');

    const verbose = await runCli(['build', '--format', 'html', '--out', 'pipe', '--verbose'], { cwd: dir });
    expect(verbose.stderr).toContain('  pipe/one.html (up to date)');
    expect(verbose.stderr).toMatch(/^Built 3 roadmaps \(3 up to date\) in \d+\.\ds: 0 files written, 0 errors, 0 warnings$/m);
  });
});
