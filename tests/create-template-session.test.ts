import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTemplateSession } from '../src/render/create-template-session.js';
import { makeProject } from './helpers/make-project.js';

let dir: string;

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createTemplateSession', () => {
  it('compiles each template and imports the helpers once, and again after forget', async () => {
    dir = await makeProject({ 'helpers.mjs': 'export const shout = (text) => text + "!";\n' });
    const session = createTemplateSession();
    const helpers = await session.loadHelpers(path.join(dir, 'helpers.mjs'));
    expect(await session.loadHelpers(path.join(dir, 'helpers.mjs'))).toBe(helpers);

    const pagesOnly = await session.loadRenderers({ formats: ['html'], helpers });
    const both = await session.loadRenderers({ formats: ['html', 'pdf'], helpers });
    // The HTML pass and the PDF pass of one save share the handout and the index page.
    expect(both.html).toBe(pagesOnly.html);
    expect(both.index).toBe(pagesOnly.index);
    expect(both.pdf).not.toBeNull();
    expect(both.fingerprints.html).toBe(pagesOnly.fingerprints.html);
    // Other helpers, other compiled templates.
    expect((await session.loadRenderers({ formats: ['html'] })).html).not.toBe(pagesOnly.html);

    session.forget();
    expect(await session.loadHelpers(path.join(dir, 'helpers.mjs'))).not.toBe(helpers);
    const again = await session.loadRenderers({ formats: ['html'], helpers });
    expect(again.html).not.toBe(pagesOnly.html);
    expect(again.fingerprints.html).toBe(pagesOnly.fingerprints.html);
  });

  it('loads a template that failed again on the next build', async () => {
    dir = await makeProject({ 'templates/broken/template.json': '{"description": "x", "formats": ["html"]}\n' });
    const session = createTemplateSession();
    const options = { formats: ['html'] as const, template: { html: 'broken' }, templatesDir: path.join(dir, 'templates') };
    await expect(session.loadRenderers(options)).rejects.toThrow(/has no layout\.hbs/);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(dir, 'templates/broken/layout.hbs'), '<!doctype html><title>{{title}}</title>\n');
    expect((await session.loadRenderers(options)).html).not.toBeNull();
  });
});
