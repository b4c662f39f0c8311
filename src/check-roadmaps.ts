import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from './errors.js';
import type { Diagnostic } from './model/roadmap.js';
import { processRoadmap } from './pipeline/process-roadmap.js';
import type { SettingLayers } from './pipeline/settings.js';
import { collectInputs } from './site/collect-inputs.js';

/** One checked file and what was found in it. */
export interface CheckedFile {
  file: string;
  diagnostics: Diagnostic[];
}

/** What `check` found: every file's diagnostics and the totals by severity. */
export interface CheckResult {
  files: CheckedFile[];
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * Model and lint roadmaps without rendering anything: Markdown files or
 * folders in (folders give every `*.md` below them), diagnostics out.
 */
export async function checkRoadmaps(inputs: string[], settings: SettingLayers = {}, cwd = process.cwd()): Promise<CheckResult> {
  // One input at a time: two files of the same name in different folders are fine here, nothing is written.
  const sources = (await Promise.all(inputs.map((input) => collectInputs([input], cwd)))).flat();
  const files = await Promise.all(
    sources.map(async ({ source }) => {
      const text = await readFile(path.resolve(cwd, source)).catch((error: NodeJS.ErrnoException) => {
        throw new InputError(`Cannot read ${source}: ${error.code ?? error.message}`, { cause: error });
      });
      return { file: source, diagnostics: (await processRoadmap(text, source, settings)).diagnostics };
    }),
  );
  const count = (severity: Diagnostic['severity']) =>
    files.reduce((sum, file) => sum + file.diagnostics.filter((diagnostic) => diagnostic.severity === severity).length, 0);
  return { files, errors: count('error'), warnings: count('warning'), infos: count('info') };
}
