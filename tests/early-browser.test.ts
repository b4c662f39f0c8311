import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, TemplateError } from '../src/index.js';
import { prelaunch } from '../src/print/prelaunch.js';
import { repoRoot } from './helpers/run-cli.js';

// The build owns the browser started early (src/site/early-browser.ts): a printer takes it and
// closes it, or the build closes it, however the build ends.
const fixture = path.join(repoRoot, 'tests/fixtures/print/cyrillic.md');
let dir: string;
const opened: { browser: { connected: boolean; close(): Promise<void> } }[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-early-'));
});

afterEach(async () => {
  // A browser the build failed to close is closed here, so that a failing test leaves no Chromium behind.
  for (const { browser } of opened.splice(0)) if (browser.connected) await browser.close();
  await rm(dir, { recursive: true, force: true });
});

async function early() {
  const browser = await prelaunch();
  expect(browser).not.toBeNull();
  opened.push(browser!);
  return browser!;
}

describe('the early browser', () => {
  it('prints the PDF and is closed with the build', async () => {
    const opened = await early();
    const result = await build({ inputs: [fixture], out: dir, formats: ['pdf'], prelaunched: Promise.resolve(opened) });
    expect(result.roadmaps[0]!.outputs.some((output) => output.endsWith('.pdf'))).toBe(true);
    expect(opened.browser.connected).toBe(false);
  });

  it('is closed by a build that prints nothing', async () => {
    const opened = await early();
    await build({ inputs: [fixture], out: dir, formats: ['html'], prelaunched: Promise.resolve(opened) });
    expect(opened.browser.connected).toBe(false);
  });

  it('is closed by a build that fails before it plans anything (a template that does not exist)', async () => {
    const opened = await early();
    await expect(
      build({ inputs: [fixture], out: dir, template: { pdf: 'no-such-template' }, prelaunched: Promise.resolve(opened) }),
    ).rejects.toThrow(TemplateError);
    expect(opened.browser.connected).toBe(false);
  });
});
