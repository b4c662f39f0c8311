import { readFileSync, writeFileSync } from 'node:fs';
import { readFile, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type WatchEvent, watchSite } from '../src/serve/watch-site.js';
import { loadConfig } from '../src/config/load-config.js';
import { resolveBuildOptions } from '../src/site/resolve-build-options.js';
import { makeProject } from './helpers/make-project.js';
import { repoRoot } from './helpers/run-cli.js';

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

describe('the project’s own plugins and config', () => {
  it('a save of a local plugin file or of the config rebuilds, with the saved plugin imported afresh', async () => {
    dir = await makeProject({ 'roadmap.config.mjs': config('a command') }, 'plugins');
    await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const configFile = path.join(dir, 'roadmap.config.mjs');
    const plugin = path.join(dir, 'plugins/rehype-mark-code.mjs');
    const html = () => readFile(path.join(dir, 'output/emoji.html'), 'utf8');
    // Each build's event, in order: a test waits for the one its save causes.
    const waiting: ((event: WatchEvent) => void)[] = [];
    const nextBuild = () => new Promise<WatchEvent>((resolve) => waiting.push(resolve));
    const first = nextBuild();
    const watcher = watchSite({
      // As `serve` does: the config read again for every build, and watched.
      resolveOptions: async () => {
        const { config, file } = await loadConfig(dir);
        return { ...resolveBuildOptions(config, {}, { cwd: dir, configFile: file }), quiet: true };
      },
      extraPaths: [configFile],
      onEvent: (event) => waiting.shift()?.(event),
    });
    try {
      await watcher.ready;
      expect((await first).type).toBe('built');
      expect(await html()).toContain('<code title="a command">RUSTUP</code>');

      const pluginSaved = nextBuild();
      writeFileSync(plugin, readFileSync(plugin, 'utf8').replace('toUpperCase()', 'toLowerCase()'));
      expect(await pluginSaved).toMatchObject({ type: 'built', pages: ['index.html', 'emoji.html', 'second.html'] });
      expect(await html()).toContain('<code title="a command">rustup</code>');

      const configSaved = nextBuild();
      writeFileSync(configFile, config('a shell command'));
      expect((await configSaved).type).toBe('built');
      expect(await html()).toContain('<code title="a shell command">rustup</code>');
    } finally {
      await watcher.close();
    }
  });
});

/** The plugins fixture's config with the local rehype plugin only, HTML only. */
function config(title: string): string {
  return `export default { formats: ['html'], rehypePlugins: [['./plugins/rehype-mark-code.mjs', { title: '${title}' }]] };\n`;
}
