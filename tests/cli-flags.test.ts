import { rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject } from './helpers/make-project.js';
import { runCli } from './helpers/run-cli.js';

// Each flag is parsed by the zod schema of its config key (src/commands/flag-parsers.ts): a value
// is accepted on the command line exactly when the config accepts it.
let dir: string;

beforeAll(async () => {
  dir = await makeProject({ 'content/roadmap.md': '# Roadmap\n\n## Phase 1: Start (Weeks 1-2)\n\n- Read the book\n' });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `build` with one flag, or with the same setting in the config; HTML only, so nothing prints. */
async function buildWith(flag: string[] | null, config: Record<string, unknown>) {
  await writeFile(`${dir}/roadmap.config.json`, JSON.stringify(flag ? {} : config));
  return runCli(['build', '-f', 'html', '-q', ...(flag ?? [])], { cwd: dir });
}

describe('flags and config keys accept the same values', () => {
  it.each([
    [['--paper', 'A4'], { paper: 'A4' }],
    [['--paper', 'b5'], { paper: 'b5' }],
    [['--timeout', '5000'], { timeout: 5000 }],
    [['--timeout', '0'], { timeout: 0 }],
    [['--recycle-after', '0'], { recycleAfter: 0 }],
    [['--links', 'inline'], { links: 'inline' }],
    [['--link-list', 'chapter'], { linkList: 'chapter' }],
    [['--margin', '12'], { margin: '12' }],
    [['--start', '2027-02-30'], { start: '2027-02-30' }],
    [['--weeks-per-phase', '53'], { weeksPerPhase: 53 }],
    [['--lang', 'english!'], { lang: 'english!' }],
    [['--browser-url', 'ftp://127.0.0.1'], { browserUrl: 'ftp://127.0.0.1' }],
    [['--format', 'html,docx'], { formats: ['html', 'docx'] }],
    [['--template', 'html=../x'], { template: { html: '../x' } }],
  ])('rejects %j as the config rejects %j', async (flag, config) => {
    const fromFlag = await buildWith(flag, {});
    expect(fromFlag.code, fromFlag.stderr).toBe(2);
    expect(fromFlag.stderr).toMatch(new RegExp(`^error: option '[^']*${flag[0]}[^']*' argument '.*' is invalid\\. expected `, 'm'));
    const fromConfig = await buildWith(null, config);
    expect(fromConfig.code, fromConfig.stderr).toBe(1);
    expect(fromConfig.stderr).toMatch(/^error .*roadmap\.config\.json: /m);
  });

  it.each([
    [['--paper', 'letter'], { paper: 'letter' }],
    [['--timeout', '3600'], { timeout: 3600 }],
    [['--timeout', '0.5'], { timeout: 0.5 }],
    [['--margin', '18mm 14mm'], { margin: '18mm 14mm' }],
    [['--start', '2028-02-29'], { start: '2028-02-29' }],
    [['--lang', 'pt-BR'], { lang: 'pt-BR' }],
    [['--template', 'html=planner'], { template: { html: 'planner' } }],
  ])('accepts %j as the config accepts %j', async (flag, config) => {
    const fromFlag = await buildWith(flag, {});
    expect(fromFlag.code, fromFlag.stderr).toBe(0);
    const fromConfig = await buildWith(null, config);
    expect(fromConfig.code, fromConfig.stderr).toBe(0);
  });
});
