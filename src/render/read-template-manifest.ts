import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { TemplateError } from '../shared/errors.js';
import { displayPath } from '../shared/display-path.js';
import { templateName } from '../model/template-name.js';

/** `template.json`: what a template is, which formats it serves, what it extends, and its own words. */
export const templateManifestSchema = z.strictObject({
  /** One sentence saying what the template makes. */
  description: z.string().min(1),
  /** The formats it can render: `html`, `pdf` or both. */
  formats: z.array(z.enum(['html', 'pdf'])).min(1),
  /** A template whose files are used for every file this one does not have. */
  extends: templateName.optional(),
  /** Words the template prints, by language (`{"en": {"doneOn": "Done on"}}`), read with `{{label "doneOn"}}`. */
  labels: z.record(z.string(), z.record(z.string(), z.string())).optional(),
});

export type TemplateManifest = z.infer<typeof templateManifestSchema>;

/**
 * Read and validate a `template.json`; errors name the file and the key. With
 * `root`, a file whose real path (after symbolic links) is outside it is
 * refused unread.
 */
export async function readTemplateManifest(file: string, root?: string): Promise<TemplateManifest> {
  let value: unknown;
  if (root !== undefined) {
    const real = await realpath(file).catch(() => file);
    if (real !== root && !real.startsWith(root + path.sep)) {
      throw new TemplateError(`${displayPath(file)} resolves outside the template folders (to ${real}): not read`);
    }
  }
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new TemplateError(`${displayPath(file)}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = templateManifestSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `unknown key ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    return `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`;
  });
  throw new TemplateError(`${displayPath(file)}: ${problems.join('; ')}`);
}
