import { readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { resolveBuildOptions } from '../src/site/resolve-build-options.js';
import { ConfigError } from '../src/shared/errors.js';
import { buildSite } from '../src/site/build-site.js';
import { makeProject } from './helpers/make-project.js';
import { repoRoot, runCli } from './helpers/run-cli.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A copy of tests/fixtures/projects/plugins whose `node_modules` is this repository's (where `remark-emoji` is installed). */
async function pluginProject(files: Record<string, string> = {}): Promise<string> {
  const dir = await makeProject(files, 'plugins');
  made.push(dir);
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

async function buildProject(dir: string, extra: { workers?: number; cache?: boolean } = {}) {
  const { config, file } = await loadConfig(dir);
  const options = resolveBuildOptions(config, {}, { cwd: dir, configFile: file });
  return buildSite({ ...options, quiet: true, sourceDateEpoch: '1767225600', ...extra } as never);
}

describe('the project’s own remark and rehype plugins', () => {
  it('run a published remark plugin (remark-emoji) and a local rehype plugin with options, on the main thread and in workers alike', async () => {
    const dir = await pluginProject();
    await buildProject(dir, { workers: 0 });
    const main = await readFile(path.join(dir, 'output/emoji.html'), 'utf8');
    // remark-emoji runs before the roadmap is read: titles and items alike.
    expect(main).toContain('<h1>Rust 🦀 roadmap</h1>');
    expect(main).toContain('Read the book 📚');
    // The local rehype plugin, with its option, on the item's HTML.
    expect(main).toContain('Install <code title="a command">RUSTUP</code> 🚀');
    // What it tried to add that is unsafe is gone: the sanitizer runs after it.
    expect(main).not.toContain('alert(');
    expect(main).not.toMatch(/onclick/i);

    await rm(path.join(dir, 'output'), { recursive: true });
    await buildProject(dir, { workers: 2 });
    expect(await readFile(path.join(dir, 'output/emoji.html'), 'utf8')).toBe(main);
  });

  it('are part of the cache key: changing a plugin’s options or its file rebuilds, an unchanged project does not', async () => {
    const dir = await pluginProject();
    await buildProject(dir, { workers: 0 });
    const again = await buildProject(dir, { workers: 0 });
    expect(again.roadmaps.every((roadmap) => roadmap.upToDate.includes('html'))).toBe(true);

    const config = path.join(dir, 'roadmap.config.mjs');
    await writeFile(config, (await readFile(config, 'utf8')).replace("'a command'", "'a shell command'"));
    const changed = await buildProject(dir, { workers: 0 });
    expect(changed.roadmaps.some((roadmap) => roadmap.upToDate.includes('html'))).toBe(false);
    expect(await readFile(path.join(dir, 'output/emoji.html'), 'utf8')).toContain('title="a shell command"');

    const plugin = path.join(dir, 'plugins/rehype-mark-code.mjs');
    await writeFile(plugin, (await readFile(plugin, 'utf8')).replace('toUpperCase()', 'toLowerCase()'));
    await buildProject(dir, { workers: 0 });
    expect(await readFile(path.join(dir, 'output/emoji.html'), 'utf8')).toContain('>rustup</code>');
  });

  it('a plugin that throws on one roadmap is that roadmap’s positioned error; the others build', async () => {
    const dir = await pluginProject({
      'plugins/refuse-hello.mjs': `export default function refuseHello() {
  return (tree, file) => {
    const text = String(file.value);
    const at = text.indexOf('hello');
    if (at === -1) return;
    const line = text.slice(0, at).split('\\n').length;
    throw Object.assign(new Error('no greetings here'), { place: { line, column: 7 } });
  };
}
`,
      'roadmap.config.mjs': "export default { formats: ['html'], remarkPlugins: ['remark-emoji', './plugins/refuse-hello.mjs'] };\n",
    });
    const result = await buildProject(dir, { workers: 0 });
    const second = result.roadmaps.find((roadmap) => roadmap.name === 'second');
    expect(second?.diagnostics).toContainEqual({
      severity: 'error',
      message: 'Plugin ./plugins/refuse-hello.mjs failed: no greetings here',
      line: 5,
      column: 7,
      rule: 'plugin',
    });
    expect(await readFile(path.join(dir, 'output/emoji.html'), 'utf8')).toContain('Read the book 📚');
  });

  it('a plugin that cannot be loaded is one readable line and exit code 1', async () => {
    const dir = await pluginProject({ 'roadmap.config.mjs': "export default { rehypePlugins: ['rehype-not-installed'] };\n" });
    await expect(buildProject(dir)).rejects.toThrow(
      new ConfigError('Cannot load rehype plugin rehype-not-installed: not found (install it in the project, or check the path)'),
    );
    const cli = await runCli(['build', '--format', 'html'], { cwd: dir });
    expect(cli.code).toBe(1);
    expect(cli.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('Cannot load rehype plugin rehype-not-installed: not found (install it in the project, or check the path)'),
    ]);

    await writeFile(path.join(dir, 'plugins/not-a-plugin.mjs'), 'export default 42;\n');
    await writeFile(path.join(dir, 'roadmap.config.mjs'), "export default { remarkPlugins: [['./plugins/not-a-plugin.mjs', {}]] };\n");
    await expect(buildProject(dir)).rejects.toThrow(
      'Cannot load remark plugin ./plugins/not-a-plugin.mjs: its default export is a number, expected a unified plugin (a function)',
    );

    await writeFile(
      path.join(dir, 'plugins/picky.mjs'),
      "export default function picky(options) { if (!options?.ok) throw new Error('option ok is required'); }\n",
    );
    await writeFile(path.join(dir, 'roadmap.config.mjs'), "export default { rehypePlugins: ['./plugins/picky.mjs'] };\n");
    await expect(buildProject(dir)).rejects.toThrow(
      new ConfigError('Cannot load rehype plugin ./plugins/picky.mjs: option ok is required'),
    );
  });

  it('the config rejects a plugin entry that is neither a name nor [name, options]', async () => {
    const dir = await pluginProject({ 'roadmap.config.mjs': 'export default { remarkPlugins: [42] };\n' });
    await expect(loadConfig(dir)).rejects.toThrow(ConfigError);
  });
});

describe('every command that models a roadmap runs the project’s plugins, as build does', () => {
  // The local remark plugin renames “book” to “manual”: the item's id changes with it, and each rename is a warning.
  const config =
    "export default { formats: ['html'], remarkPlugins: [['./plugins/remark-rename.mjs', { from: 'book', to: 'manual' }]] };\n";
  const renamed = 'phase-1-basics--read-the-manual-manuals';
  const warning = 'content/emoji.md:6:7 warning Renamed “book” to “manual” [rename]';

  it('check reports the plugin’s warnings', async () => {
    const dir = await pluginProject({ 'roadmap.config.mjs': config });
    const result = await runCli(['check', 'content/emoji.md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([warning]);
  });

  it('inspect shows the model the plugin made, and its warnings', async () => {
    const dir = await pluginProject({ 'roadmap.config.mjs': config });
    const result = await runCli(['inspect', 'content/emoji.md', '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr.trim()).toBe(warning);
    const model = JSON.parse(result.stdout) as { phases: { topics: { items: { id: string; text: string }[] }[] }[] };
    expect(model.phases[0]!.topics[0]!.items[1]).toMatchObject({ id: renamed, text: 'Read the manual :manuals:' });
  });

  it('mark knows the ids the plugin gives', async () => {
    const dir = await pluginProject({ 'roadmap.config.mjs': config });
    const result = await runCli(['mark', 'content/emoji.md', '--undo', renamed], { cwd: dir });
    expect(result.stderr.trim()).toBe('content/emoji.md: 1 item updated');
    expect(result.code).toBe(0);
    expect(await readFile(path.join(dir, 'content/emoji.md'), 'utf8')).toContain('- [ ] Read the book :books:');
  });

  it('merge checks the members’ ids against the model the plugin made', async () => {
    const dir = await pluginProject({
      'roadmap.config.mjs': config,
      'ana.json': JSON.stringify({ format: 'roadmap-press-progress', version: 1, items: { [renamed]: true } }),
    });
    const result = await runCli(['merge', 'content/emoji.md', '--member', 'Ana=ana.json', '-q'], { cwd: dir });
    expect(result.stderr.trim()).toBe(warning);
    expect(result.code).toBe(0);
    const html = await readFile(path.join(dir, 'output/emoji.html'), 'utf8');
    expect(html).toContain('Read the manual');
  });
});
