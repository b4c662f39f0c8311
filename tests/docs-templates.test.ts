import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toTemplateData } from '../src/view/to-template-data.js';
import { toViewModel } from '../src/view/to-view-model.js';
import { processRoadmap } from '../src/pipeline/process-roadmap.js';
import { builtinHelpers } from '../src/render/register-helpers.js';
import { repoRoot } from './helpers/run-cli.js';

const docs = await readFile(path.join(repoRoot, 'docs/templates.md'), 'utf8');

describe('docs/templates.md', () => {
  it('documents every built-in helper with an example', () => {
    for (const name of Object.keys(builtinHelpers)) expect(docs, name).toMatch(new RegExp(`\\| \`${name}[ \`].*\\| \`\\{\\{.*${name}`));
  });

  it('documents every field the templates receive', async () => {
    const seed = `---\nstart: 2027-01-04\n---\n${await readFile(path.join(repoRoot, 'content/rust-backend.md'), 'utf8')}`;
    const { roadmap } = await processRoadmap(seed, 'seed.md');
    const data = toTemplateData(toViewModel(roadmap!, 'x'), {
      group: { name: 'G', members: ['Ana'], meets: { weekday: 'monday', time: '10:00' } },
    });
    const fields = new Set<string>();
    const walk = (value: unknown, inMeta: boolean) => {
      if (Array.isArray(value)) for (const entry of value) walk(entry, inMeta);
      else if (value && typeof value === 'object' && !inMeta) {
        for (const [key, child] of Object.entries(value)) {
          fields.add(key);
          walk(child, key === 'meta' || key === 'labels');
        }
      }
    };
    walk(data, false);
    const undocumented = [...fields].filter(
      (field) => !docs.includes(`\`${field}\``) && !docs.includes(`${field},`) && !docs.includes(`, ${field} }`),
    );
    expect(undocumented).toEqual([]);
  });

  it('shows a screenshot of each built-in template', () => {
    for (const name of ['handout', 'checklist', 'planner', 'study-group']) {
      expect(docs).toContain(`](images/${name}.png)`);
      expect(existsSync(path.join(repoRoot, 'docs/images', `${name}.png`)), name).toBe(true);
    }
  });
});
