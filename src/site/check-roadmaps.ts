import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model/roadmap.js';
import { processRoadmap } from '../pipeline/process-roadmap.js';
import { loadProcessor, type ModelOptions } from '../pipeline/load-processor.js';
import { collectInputs } from './collect-inputs.js';
import { atStart, readFailure, unexpectedFailure } from './to-failure-diagnostic.js';

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
 * folders in (folders give every `*.md` below them), diagnostics out, with the
 * settings and plugins a build models them with.
 */
export async function checkRoadmaps(inputs: string[], options: ModelOptions = {}, cwd = process.cwd()): Promise<CheckResult> {
  const { processor } = await loadProcessor(options.plugins);
  // One input at a time: two files of the same name in different folders are fine here, nothing is written.
  const sources = (await Promise.all(inputs.map((input) => collectInputs([input], cwd)))).flat();
  const files = await Promise.all(
    sources.map(async ({ source, refused }) => {
      // Like a build: a file that cannot (or may not) be read, or that trips a bug, is that file's error alone.
      if (refused) return { file: source, diagnostics: [atStart('error', refused, 'read')] };
      const text = await readFile(path.resolve(cwd, source)).catch((error: NodeJS.ErrnoException) => error);
      if (text instanceof Error) return { file: source, diagnostics: [readFailure(text)] };
      const diagnostics = await processRoadmap(text, source, options.settings, processor).then(
        (result) => result.diagnostics,
        (error: unknown) => [unexpectedFailure(error, 'build')],
      );
      return { file: source, diagnostics };
    }),
  );
  const count = (severity: Diagnostic['severity']) =>
    files.reduce((sum, file) => sum + file.diagnostics.filter((diagnostic) => diagnostic.severity === severity).length, 0);
  return { files, errors: count('error'), warnings: count('warning'), infos: count('info') };
}
