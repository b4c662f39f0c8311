import type { Root as HastRoot } from 'hast';
import { VFile } from 'vfile';
import type { Diagnostic, Roadmap } from '../model/roadmap.js';
import { createProcessor } from './create-processor.js';
import { findSourceProblem } from './find-source-problem.js';
import { parseInPieces } from './parse-in-pieces.js';
import type { SettingLayers } from '../model/settings.js';
import './file-data.js';

/** The built-in pipeline, without the project's own plugins. */
const builtIn = createProcessor();

/** A pipeline: the built-in one, or one with the project's plugins (`createProcessor(plugins)`). */
export type RoadmapProcessor = ReturnType<typeof createProcessor>;

/** The result of modelling one roadmap: the model, or `null` after a fatal content error. */
export interface ProcessedRoadmap {
  file: VFile;
  roadmap: Roadmap | null;
  diagnostics: Diagnostic[];
  /** The sanitized document tree the items' HTML was cut from (images are resolved on it); `null` with no model. */
  tree?: HastRoot | null;
}

/**
 * Parse and enrich one roadmap. Pure: takes the source text (and settings from
 * the config and command line), returns the model and its diagnostics;
 * content problems never throw, they become messages.
 */
export async function processRoadmap(
  value: string | Uint8Array,
  path?: string,
  settings: SettingLayers = {},
  processor: RoadmapProcessor = builtIn,
): Promise<ProcessedRoadmap> {
  const file = new VFile({ value, path, data: { settings } });
  let failed = false;
  let tree: HastRoot | null = null;
  const text = file.toString();
  const problem = findSourceProblem(text);
  if (problem) {
    const { reason, ruleId, line, column } = problem;
    file.message(reason, { place: { line, column }, ruleId, source: 'roadmap-press' }).fatal = true;
    return { file, roadmap: null, diagnostics: file.messages.map(toDiagnostic), tree: null };
  }
  replaceNul(file, text);
  try {
    tree = (await processor.run(parseInPieces(processor, file), file)) as HastRoot;
  } catch (error) {
    // `file.fail()` throws its message: a content error that stops modelling.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      // Last resort for input nested in ways `findSourceProblem` does not foresee.
      const reason = 'Unexpected nesting too deep to read, expected fewer nested lists, quotes, emphasis or links';
      file.message(reason, { place: { line: 1, column: 1 }, ruleId: 'nesting-depth', source: 'roadmap-press' }).fatal = true;
    } else if (!file.messages.includes(error as never)) {
      throw error;
    }
    failed = true;
  }
  const diagnostics = file.messages.map(toDiagnostic);
  const roadmap = failed ? null : (file.data.roadmap ?? null);
  if (roadmap) roadmap.diagnostics = diagnostics;
  return { file, roadmap, diagnostics, tree: roadmap ? tree : null };
}

/** CommonMark: U+0000 is replaced by U+FFFD. Said once, at the first one. */
function replaceNul(file: VFile, text: string): void {
  const first = text.indexOf('\0');
  if (first === -1) return;
  const count = text.split('\0').length - 1;
  file.value = text.replaceAll('\0', '\uFFFD');
  const before = text.slice(0, first);
  const place = { line: before.split('\n').length, column: first - before.lastIndexOf('\n') };
  const reason = `Unexpected NUL character${count === 1 ? '' : `s (${count})`}, replaced by U+FFFD, expected text without NUL bytes`;
  file.message(reason, { place, ruleId: 'nul-character', source: 'roadmap-press' });
}

/** A vfile message as a plain diagnostic. */
export function toDiagnostic(message: VFile['messages'][number]): Diagnostic {
  return {
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    message: message.reason,
    line: message.line ?? null,
    column: message.column ?? null,
    rule: message.ruleId ?? null,
  };
}
