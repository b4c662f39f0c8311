import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFArray, PDFCheckBox, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { build, mark, processRoadmap } from '../src/index.js';
import { makeProject } from './helpers/make-project.js';
import { repoRoot } from './helpers/run-cli.js';

/** Every link URI left in the PDF's annotations. */
function linkUris(pdf: PDFDocument): string[] {
  return pdf.getPages().flatMap((page) => {
    const annots = page.node.Annots();
    return (annots?.asArray() ?? []).flatMap((ref) => {
      const annot = pdf.context.lookupMaybe(ref, PDFDict);
      const uri = annot?.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'));
      return uri instanceof PDFString ? [uri.decodeText()] : [];
    });
  });
}

const roadmap = (secondId: string) =>
  [
    '# Forge',
    '',
    '## Phase 1: Basics (Weeks 1-2)',
    '',
    `- [ ] First: [click](https://roadmap-press.invalid/field/x), [shadow](https://roadmap-press.invalid/field/${secondId}) and [bad](https://roadmap-press.invalid/field/%E0%A4%A)`,
    '- [x] Second',
    '',
  ].join('\n');

describe('form fields come only from the template’s own boxes', () => {
  it('links in the roadmap stay links, forge no field and shadow none; mark --from reads the real boxes', async () => {
    const probe = await processRoadmap(roadmap('placeholder'), 'forge.md');
    const [first, second] = probe.roadmap!.phases[0]!.topics[0]!.items;
    const cwd = await makeProject({ 'content/forge.md': roadmap(second!.id) });
    const result = await build({ cwd, formats: ['pdf'], workers: 0 });
    expect(result.roadmaps[0]!.diagnostics).toEqual([]);
    const file = path.join(cwd, 'output/forge.pdf');
    const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
    const fields = pdf.getForm().getFields();
    expect(fields.map((field) => field.getName()).sort()).toEqual([first!.id, second!.id].sort());
    expect(fields.filter((field) => field instanceof PDFCheckBox && field.isChecked()).map((field) => field.getName())).toEqual([
      second!.id,
    ]);
    // Each link is printed with the item and again, clickable, in its phase's link notes (`--links footnotes`).
    expect([...new Set(linkUris(pdf))]).toEqual([
      'https://roadmap-press.invalid/field/x',
      `https://roadmap-press.invalid/field/${second!.id}`,
      // The Markdown pipeline escapes the stray `%`; the link is kept all the same.
      'https://roadmap-press.invalid/field/%E0%A4%25A',
    ]);
    expect(pdf.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray).size()).toBe(2);

    // The real box of the second item is ticked; the forged link with its id cannot hide it.
    await mark(path.join(cwd, 'content/forge.md'), { undo: [second!.id] });
    const { changed } = await mark(path.join(cwd, 'content/forge.md'), { from: file });
    expect(changed).toEqual([second!.id]);
  }, 60_000);

  it('two boxes for one item get unique field names, both knowing the item', async () => {
    const item = await readFile(path.join(repoRoot, 'templates/checklist/partials/item.hbs'), 'utf8');
    const box = /<a class="box[^>]*><\/a>/.exec(item)![0];
    const cwd = await makeProject({
      'content/twice.md': '# Twice\n\n- [ ] Only item\n',
      'templates/twice/template.json': JSON.stringify({ description: 'Two boxes.', formats: ['pdf'], extends: 'checklist' }),
      'templates/twice/partials/item.hbs': item.replace(box, `${box}${box}`),
    });
    await build({ cwd, formats: ['pdf'], template: { pdf: 'twice' }, workers: 0 });
    const pdf = await PDFDocument.load(await readFile(path.join(cwd, 'output/twice.pdf')), { updateMetadata: false });
    const names = pdf
      .getForm()
      .getFields()
      .map((field) => field.getName());
    const id = (await processRoadmap('# Twice\n\n- [ ] Only item\n', 'twice.md')).roadmap!.sections[0]!.topics[0]!.items[0]!.id;
    expect(names).toEqual([id, `${id}_2`]);
  }, 60_000);
});
