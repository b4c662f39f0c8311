import { readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type WatchEvent, watchSite } from '../src/serve/watch-site.js';
import { makeProject } from './helpers/make-project.js';

const roadmap = (items: string[]) => `# Live\n\n## Phase 1 (Weeks 1-2)\n\n${items.map((item) => `- ${item}`).join('\n')}\n`;
let dir: string;

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('watchSite', () => {
  it('reloads a page whose file was saved between the HTML and the PDF pass', async () => {
    dir = await makeProject({ 'content/live.md': roadmap(['first item']) });
    const file = path.join(dir, 'content/live.md');
    const events: WatchEvent[] = [];
    let saved = false;
    let resolveBuilt: () => void = () => {};
    const built = new Promise<void>((resolve) => {
      resolveBuilt = resolve;
    });
    const watcher = watchSite({
      resolveOptions: async () => ({ cwd: dir, inputs: ['content'], out: path.join(dir, 'output') }),
      onEvent: (event) => {
        events.push(event);
        // The save lands after the HTML pass, before the PDF pass reads the file.
        if (event.type === 'pdf-stale' && !saved) {
          saved = true;
          writeFileSync(file, roadmap(['first item', 'saved in between']));
        }
        if (event.type === 'built' && event.phase === 'pdf') resolveBuilt();
      },
    });
    try {
      await watcher.ready;
      await built;
    } finally {
      await watcher.close();
    }
    const html = events.find((event) => event.type === 'built' && event.phase === 'html');
    const pdf = events.find((event) => event.type === 'built' && event.phase === 'pdf');
    expect(html && html.type === 'built' && html.pages).toEqual(['index.html', 'live.html']);
    // The PDF pass read the saved file and wrote its handout again: open pages must reload.
    expect(pdf && pdf.type === 'built' && pdf.pages).toEqual(['index.html', 'live.html']);
  });
});

describe('the session of templates and helpers', () => {
  it('renders with the loaded templates and helpers until one of them changes, then with the new ones', async () => {
    dir = await makeProject({
      'content/live.md': roadmap(['first item']),
      'templates/handout/partials/summary.hbs': '<p class="marker">marker one {{shout "x"}}</p>\n',
      'helpers.mjs': 'export const shout = (text) => text.toUpperCase() + "!";\n',
    });
    const handout = () => readFileSync(path.join(dir, 'output/live.html'), 'utf8');
    let next: (event: WatchEvent) => void = () => {};
    const built = () =>
      new Promise<WatchEvent>((resolve) => {
        next = resolve;
      });
    const first = built();
    const watcher = watchSite({
      resolveOptions: async () => ({ cwd: dir, inputs: ['content'], out: 'output', formats: ['html'], helpers: 'helpers.mjs' }),
      onEvent: (event) => next(event),
    });
    try {
      await watcher.ready;
      expect((await first).type).toBe('built');
      expect(handout()).toContain('marker one X!');

      const saved = built();
      writeFileSync(path.join(dir, 'content/live.md'), roadmap(['first item', 'second item']));
      expect((await saved).type).toBe('built');
      expect(handout()).toContain('second item');
      expect(handout()).toContain('marker one X!');

      const partial = built();
      writeFileSync(path.join(dir, 'templates/handout/partials/summary.hbs'), '<p class="marker">marker two {{shout "x"}}</p>\n');
      expect((await partial).type).toBe('built');
      expect(handout()).toContain('marker two X!');

      const helpers = built();
      writeFileSync(path.join(dir, 'helpers.mjs'), 'export const shout = (text) => text + "?";\n');
      expect((await helpers).type).toBe('built');
      expect(handout()).toContain('marker two x?');
    } finally {
      await watcher.close();
    }
  });
});
