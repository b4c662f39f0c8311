import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { descendants, isRunning, waitForExit } from './helpers/processes.js';
import { cliPath, repoRoot } from './helpers/run-cli.js';
import { waitForOutput } from './helpers/wait-for.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-interrupt-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('interrupting a build', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`on ${signal} closes the browser, leaves no temporary or truncated file, exits 130`, async () => {
      const content = path.join(dir, 'content');
      const out = path.join(dir, 'out');
      const temp = path.join(dir, 'tmp');
      await mkdir(content);
      await mkdir(temp);
      for (let index = 1; index <= 20; index += 1) {
        await copyFile(path.join(repoRoot, 'content/rust-backend.md'), path.join(content, `roadmap-${index}.md`));
      }
      const child = spawn(process.execPath, [cliPath, 'build', content, '--out', out, '--format', 'pdf'], {
        cwd: dir,
        // Puppeteer's browser profile goes to TMPDIR: it must be gone afterwards too.
        env: { ...process.env, NO_COLOR: '1', TMPDIR: temp },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

      // Not on a terminal, the CLI names each file once it is written.
      await waitForOutput(child.stderr, /\.pdf$/m);
      const chromium = descendants(child.pid!).filter((info) => info.command.includes('chrom'));
      expect(chromium.length).toBeGreaterThan(0);
      child.kill(signal);
      const code = await exited;

      expect(code, stderr).toBe(130);
      expect(stderr.trim().split('\n').at(-1)).toBe(
        'interrupted The build was interrupted: the browser is closed, finished files are kept and no partial file is left',
      );
      // No orphan Chromium: every browser process of the run is gone.
      await waitForExit(chromium.map((info) => info.pid));
      expect(chromium.filter((info) => isRunning(info.pid)).map((info) => info.command)).toEqual([]);
      // No temporary file next to the outputs, no browser profile left in TMPDIR.
      const files = await readdir(out);
      expect(files.filter((file) => !file.endsWith('.pdf'))).toEqual([]);
      expect(await readdir(temp)).toEqual([]);
      // Interrupted mid-batch, and every PDF that exists is complete.
      expect(files.length).toBeGreaterThan(0);
      expect(files.length).toBeLessThan(20);
      for (const file of files) {
        const pdf = await PDFDocument.load(await readFile(path.join(out, file)), { updateMetadata: false });
        expect(pdf.getForm().getFields(), file).toHaveLength(134);
      }
    });
  }
});
