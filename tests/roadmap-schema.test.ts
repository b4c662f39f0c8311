import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { inspect } from '../src/index.js';
import { runCli } from './helpers/run-cli.js';

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../docs/roadmap.schema.json', import.meta.url)), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const fixtures = fileURLToPath(new URL('fixtures/model/', import.meta.url));
const cases = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** What `inspect --json` prints (`JSON.stringify` of the API's model), read back; `null` when the roadmap failed. */
async function inspectJson(file: string): Promise<unknown> {
  const { roadmap } = await inspect(file);
  return roadmap === null ? null : (JSON.parse(JSON.stringify(roadmap)) as unknown);
}

describe('docs/roadmap.schema.json', () => {
  it.each(cases)('describes `inspect --json` of fixture %s', async (name) => {
    const model = await inspectJson(join(fixtures, name, 'input.md'));
    if (model === null) {
      // Only fatal fixtures print no model: their expected.json says so.
      const expected = JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8')) as { roadmap: unknown };
      expect(expected.roadmap).toBeNull();
      return;
    }
    expect(validate(model), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('describes the seed, scheduled and laid out with --weeks-per-phase', async () => {
    const result = await runCli(['inspect', 'content/rust-backend.md', '--json', '--start', '2027-01-04', '--weeks-per-phase', '3']);
    const model = JSON.parse(result.stdout) as { schedule: unknown[] };
    expect(model.schedule).toHaveLength(18);
    expect(validate(model), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('rejects a model with a field it does not know', () => {
    const model = { title: 'x', lang: 'en', description: null, meta: {}, phases: [], sections: [], diagnostics: [], extra: 1 };
    expect(validate(model)).toBe(false);
    expect(validate.errors?.[0]?.keyword).toBe('additionalProperties');
  });
});
