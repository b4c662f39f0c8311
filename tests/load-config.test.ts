import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { resolveBuildOptions } from '../src/site/resolve-build-options.js';
import { ConfigError } from '../src/shared/errors.js';
import { defineConfig } from '../src/config/define-config.js';
import { repoRoot } from './helpers/run-cli.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-config-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function project(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(root, name);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

describe('loadConfig', () => {
  it('reads an edited roadmap.config.mjs again, as serve and --watch need', async () => {
    const dir = await project('mjs-edited', { 'roadmap.config.mjs': 'export default { lang: "de" };\n' });
    expect((await loadConfig(dir)).config.lang).toBe('de');
    await writeFile(path.join(dir, 'roadmap.config.mjs'), 'export default { lang: "fr" };\n');
    expect((await loadConfig(dir)).config.lang).toBe('fr');
  });

  it('reads a TypeScript roadmap.config.ts typed with defineConfig, plugins and all', async () => {
    const define = path.join(repoRoot, 'src/config/define-config.ts');
    const dir = await project('ts', {
      'roadmap.config.ts': `import { defineConfig } from ${JSON.stringify(define)};
const lang: string = 'de';
export default defineConfig({ lang, remarkPlugins: ['remark-emoji', ['./plugins/x.mjs', { loud: true }]] });
`,
    });
    const loaded = await loadConfig(dir);
    expect(loaded.file).toBe(path.join(dir, 'roadmap.config.ts'));
    expect(loaded.config).toEqual({ lang: 'de', remarkPlugins: ['remark-emoji', ['./plugins/x.mjs', { loud: true }]] });
    expect(resolveBuildOptions(loaded.config, {}, { cwd: dir, configFile: loaded.file }).plugins).toEqual({
      remark: ['remark-emoji', ['./plugins/x.mjs', { loud: true }]],
      rehype: [],
      from: dir,
    });
  });

  it('types a config with defineConfig: an unknown key or a wrong plugin entry does not compile', () => {
    // @ts-expect-error `remarkPlugin` is not a config key.
    defineConfig({ remarkPlugin: ['remark-emoji'] });
    // @ts-expect-error a plugin is a name or [name, options], not a number.
    defineConfig({ rehypePlugins: [42] });
    expect(defineConfig({ rehypePlugins: [['rehype-slug', { prefix: 'x-' }]] })).toEqual({
      rehypePlugins: [['rehype-slug', { prefix: 'x-' }]],
    });
  });

  it('finds roadmap.config.json from a sub-folder up', async () => {
    const dir = await project('json', { 'roadmap.config.json': '{"out": "site", "lang": "de"}', 'deep/er/.keep': '' });
    const loaded = await loadConfig(path.join(dir, 'deep/er'));
    expect(loaded.file).toBe(path.join(dir, 'roadmap.config.json'));
    expect(loaded.config).toEqual({ out: 'site', lang: 'de' });
  });

  it('loads an ESM config', async () => {
    const dir = await project('esm', { 'roadmap.config.mjs': 'export default { formats: ["html"] };' });
    expect((await loadConfig(dir)).config).toEqual({ formats: ['html'] });
  });

  it('gives an empty config when there is none', async () => {
    const dir = await project('none', { 'content/a.md': '# A' });
    const loaded = await loadConfig(dir);
    expect(loaded.file === null || !loaded.file.startsWith(dir)).toBe(true);
  });

  it('names an unknown key, with a suggestion', async () => {
    const dir = await project('typo', { 'roadmap.config.json': '{"ot": "site", "formts": ["html"]}' });
    await expect(loadConfig(dir)).rejects.toThrow(
      /roadmap\.config\.json: unknown key "ot" \(did you mean "out"\?\); unknown key "formts" \(did you mean "formats"\?\)/,
    );
  });

  it('names the path of a value of the wrong type', async () => {
    const dir = await project('types', { 'roadmap.config.json': '{"formats": ["html", "docx"], "concurrency": "4"}' });
    const error = await loadConfig(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/roadmap\.config\.json: formats\.1: .*"html"\|"pdf"/);
    expect((error as Error).message).toMatch(/roadmap\.config\.json: concurrency: .*expected number/);
  });

  it('reports invalid JSON as one error', async () => {
    const dir = await project('broken', { 'roadmap.config.json': '{"out": ' });
    await expect(loadConfig(dir)).rejects.toThrow(/roadmap\.config\.json: invalid JSON/);
  });

  it('reports a missing explicit config', async () => {
    await expect(loadConfig(root, 'nope.json')).rejects.toThrow('Config file not found: nope.json');
  });
});

describe('resolveBuildOptions', () => {
  it('takes built-in defaults without a config or flags', () => {
    const options = resolveBuildOptions({}, {}, { cwd: '/work/p' });
    expect(options.inputs).toEqual(['/work/p/content']);
    expect(options.out).toBe('/work/p/output');
    expect(options.formats).toEqual(['html', 'pdf']);
    expect(options.settings).toEqual({ defaults: {}, overrides: { lang: undefined } });
  });

  it('resolves config paths against the config file and lets flags win', () => {
    const config = { content: ['a', 'b'], out: 'site', formats: ['pdf' as const], lang: 'de' };
    const fromConfig = resolveBuildOptions(config, {}, { cwd: '/x/sub', configFile: '/x/roadmap.config.json' });
    expect(fromConfig.inputs).toEqual(['/x/a', '/x/b']);
    expect(fromConfig.out).toBe('/x/site');
    expect(fromConfig.formats).toEqual(['pdf']);
    expect(fromConfig.settings?.defaults?.lang).toBe('de');

    const fromFlags = resolveBuildOptions(
      config,
      { inputs: ['c.md'], out: 'o', formats: ['html'], lang: 'fr' },
      { cwd: '/x/sub', configFile: '/x/roadmap.config.json' },
    );
    expect(fromFlags.inputs).toEqual(['c.md']);
    expect(fromFlags.out).toBe('o');
    expect(fromFlags.formats).toEqual(['html']);
    expect(fromFlags.settings?.overrides?.lang).toBe('fr');
  });
});

describe('schedule and label settings', () => {
  it('accepts start, weeksPerPhase, weeksPerMonth, labels and the ics format', async () => {
    const config = {
      start: '2027-01-04',
      weeksPerPhase: 3,
      weeksPerMonth: 5,
      formats: ['html', 'ics'],
      labels: { due: 'Deadline', es: { due: 'Entrega' } },
    };
    const dir = await project('schedule', { 'roadmap.config.json': JSON.stringify(config) });
    const { config: loaded } = await loadConfig(dir);
    expect(loaded).toEqual(config);
    const options = resolveBuildOptions(loaded, { start: '2027-03-01' }, { cwd: dir });
    expect(options.formats).toEqual(['html', 'ics']);
    expect(options.settings).toEqual({
      defaults: { start: '2027-01-04', weeksPerPhase: 3, weeksPerMonth: 5, labels: config.labels },
      overrides: { start: '2027-03-01' },
    });
  });

  it.each([
    [{ start: '2027-02-30' }, 'start: expected a date written YYYY-MM-DD, such as 2027-01-04'],
    [{ start: '4 Jan 2027' }, 'start: expected a date written YYYY-MM-DD, such as 2027-01-04'],
    [{ weeksPerPhase: 0 }, 'weeksPerPhase: Too small: expected number to be >=1'],
    [{ labels: { dues: 'Fällig' } }, 'labels.dues: unknown label "dues" (did you mean "due"?)'],
    [{ labels: { es: { pages: 'Página' } } }, 'labels.es.pages: unknown label "pages" (did you mean "page"?)'],
    [{ labels: { 'not a tag': { due: 'x' } } }, 'labels.not a tag: expected a language tag such as "es" for a group of labels'],
    [{ formats: ['ical'] }, 'formats.0: Invalid option: expected one of "html"|"pdf"|"ics"'],
  ])('rejects %j', async (config, message) => {
    const dir = await project(`bad-${JSON.stringify(config).replace(/\W+/g, '-')}`, { 'roadmap.config.json': JSON.stringify(config) });
    await expect(loadConfig(dir)).rejects.toThrow(`roadmap.config.json: ${message}`);
  });
});
