import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, validateConfig } from '../src/config/load-config.js';
import { resolveBuildOptions } from '../src/site/resolve-build-options.js';
import { ConfigError } from '../src/shared/errors.js';
import { makeProject, seedWithStart } from './helpers/make-project.js';
import { runCli } from './helpers/run-cli.js';

const projects: string[] = [];

function messageOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
afterAll(async () => {
  for (const project of projects) await rm(project, { recursive: true, force: true });
});

async function project(files: Record<string, string>): Promise<string> {
  const dir = await makeProject(files);
  projects.push(dir);
  return dir;
}

describe('config keys for templates', () => {
  it('accepts template, templates, helpers and group', () => {
    const config = {
      template: { html: 'study-group', pdf: 'planner' },
      templates: 'my-templates',
      helpers: 'helpers.mjs',
      group: { name: 'Rustaceans', members: ['Ana', 'Ben'], meets: { weekday: 'Tuesday', time: '19:00' } },
    };
    expect(validateConfig(config, 'roadmap.config.json')).toEqual({
      ...config,
      group: { ...config.group, meets: { weekday: 'tuesday', time: '19:00' } },
    });
  });

  it.each([
    [{ template: '../evil' }, 'roadmap.config.json: template: expected a template name (letters, digits and dashes)'],
    [{ template: { htm: 'planner' } }, 'roadmap.config.json: unknown key "template.htm" (did you mean "html"?)'],
    [
      { group: { name: 'G', membres: ['Ana'] } },
      'roadmap.config.json: group.members: Invalid input: expected array, received undefined\nroadmap.config.json: unknown key "group.membres" (did you mean "members"?)',
    ],
    [{ group: { name: 'G', members: [] } }, 'roadmap.config.json: group.members: Too small: expected array to have >=1 items'],
    [{ group: { name: 'G', members: ['Ana', 'Ana'] } }, 'roadmap.config.json: group.members: expected distinct member names'],
    [
      { group: { name: 'G', members: ['Ana'], meets: { weekday: 'tuesdy', time: '7pm' } } },
      'roadmap.config.json: group.meets.weekday: Invalid option: expected one of "sunday"|"monday"|"tuesday"|"wednesday"|"thursday"|"friday"|"saturday"\nroadmap.config.json: group.meets.time: expected a 24-hour time such as 19:00',
    ],
    [{ helpers: 42 }, 'roadmap.config.json: helpers: Invalid input: expected string, received number'],
  ])('rejects %j', (config, message) => {
    expect(() => validateConfig(config, 'roadmap.config.json')).toThrow(ConfigError);
    expect(messageOf(() => validateConfig(config, 'roadmap.config.json'))).toBe(message);
  });
});

describe('template precedence: defaults < config < flags', () => {
  const resolve = (config: object, flags: object, dir = '/project') =>
    resolveBuildOptions(config, flags, { cwd: dir, configFile: path.join(dir, 'roadmap.config.json') });

  it('defaults to nothing chosen (the handout and the checklist)', () => {
    expect(resolve({}, {}).template).toEqual({});
  });

  it('config `template` chooses for every format, or per format', () => {
    expect(resolve({ template: 'planner' }, {}).template).toEqual({ html: 'planner', pdf: 'planner' });
    expect(resolve({ template: { pdf: 'planner' } }, {}).template).toEqual({ pdf: 'planner' });
  });

  it('--template beats the config, format by format', () => {
    expect(resolve({ template: 'planner' }, { template: { html: 'study-group' } }).template).toEqual({
      html: 'study-group',
      pdf: 'planner',
    });
    expect(resolve({ template: { pdf: 'planner' } }, { template: { html: 'x', pdf: 'y' } }).template).toEqual({ html: 'x', pdf: 'y' });
  });

  it('--templates beats config `templates`, which is relative to the config file', () => {
    expect(resolve({ templates: 'mine' }, {}).templates).toBe('/project/mine');
    expect(resolve({ templates: 'mine' }, { templates: 'theirs' }).templates).toBe('theirs');
  });

  it('passes the helpers module (relative to the config) and the group through', () => {
    const group = { name: 'G', members: ['Ana'] };
    const options = resolve({ helpers: 'lib/helpers.mjs', group }, {});
    expect(options.helpers).toBe('/project/lib/helpers.mjs');
    expect(options.group).toEqual(group);
  });

  it('on the command line: a flag beats the config, which beats the default', async () => {
    const dir = await project({
      'content/rust.md': await seedWithStart(),
      'roadmap.config.json': JSON.stringify({ template: { html: 'planner' } }),
    });
    const bodyClass = async () => {
      const html = fromHtml(await readFile(path.join(dir, 'output/rust.html'), 'utf8'));
      return select('body', html)?.properties.className;
    };
    expect((await runCli(['build', '-f', 'html'], { cwd: dir })).code).toBe(0);
    expect(await bodyClass()).toEqual(['planner']);
    expect((await runCli(['build', '-f', 'html', '--template', 'html=study-group'], { cwd: dir })).code).toBe(0);
    expect(await bodyClass()).toEqual(['study-group', 'study-group--html']);
    expect((await runCli(['build', '-f', 'html', '-c', path.join(dir, 'none.json')], { cwd: dir })).code).toBe(1);
  });

  it('reads the group from the config file', async () => {
    const dir = await project({
      'content/rust.md': await seedWithStart(),
      'roadmap.config.json': JSON.stringify({
        template: 'study-group',
        group: { name: 'Night Owls', members: ['Dee', 'Eli'], meets: { weekday: 'friday', time: '21:30' } },
      }),
    });
    const { config } = await loadConfig(dir);
    expect(config.group?.members).toEqual(['Dee', 'Eli']);
    expect((await runCli(['build', '-f', 'html'], { cwd: dir })).code).toBe(0);
    const html = await readFile(path.join(dir, 'output/rust.html'), 'utf8');
    expect(html).toContain('Night Owls');
    expect(html).toContain('Friday 9:30 PM');
    expect(html).toContain('Fri, Jan 8');
  });
});
