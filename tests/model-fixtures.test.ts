import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { processRoadmap } from '../src/pipeline/process-roadmap.js';
import { expectGoldenJson } from './helpers/golden.js';

/**
 * Every folder of `tests/fixtures/model/` is one case: `input.md` is modelled
 * and compared with the golden file `expected.json`. A missing or different
 * one fails; `UPDATE_GOLDEN=1 npm test` rewrites them (read the diff before
 * committing).
 */
const fixturesDirectory = fileURLToPath(new URL('fixtures/model/', import.meta.url));
const cases = readdirSync(fixturesDirectory, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('model fixtures', () => {
  it('finds the fixture folders', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', async (name) => {
    const directory = join(fixturesDirectory, name);
    const input = readFileSync(join(directory, 'input.md'), 'utf8');
    const { roadmap, diagnostics } = await processRoadmap(input, 'input.md');
    const actual = { roadmap, diagnostics };

    expectGoldenJson(join(directory, 'expected.json'), actual);
  });

  // Workers and the build pass bytes, not strings: plugins that read the source must decode it (a `String(bytes)` is "35,32,…").
  it.each(['list-after-table', 'item-hints', 'lang-detect-ja', 'html-and-badges'])('models %s from bytes as from text', async (name) => {
    const input = readFileSync(join(fixturesDirectory, name, 'input.md'));
    const fromText = await processRoadmap(input.toString('utf8'), 'input.md');
    const fromBytes = await processRoadmap(new Uint8Array(input), 'input.md');
    expect({ roadmap: fromBytes.roadmap, diagnostics: fromBytes.diagnostics }).toEqual({
      roadmap: fromText.roadmap,
      diagnostics: fromText.diagnostics,
    });
  });

  it('never runs code from a `!!js/function` front matter tag', async () => {
    const input = readFileSync(join(fixturesDirectory, 'front-matter-js-function', 'input.md'), 'utf8');
    const { roadmap } = await processRoadmap(input, 'input.md');
    expect(typeof roadmap?.meta.run).toBe('string');
    expect((globalThis as Record<string, unknown>).frontMatterRan).toBeUndefined();
  });
});
