import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { itemsOf } from '../model/flatten-items.js';
import { memberName, type GroupConfig } from '../model/group-schema.js';
import { suggest } from '../shared/suggest.js';
import { InputError } from '../shared/errors.js';
import type { Mark } from '../mark/apply-marks.js';
import { readProgress } from '../mark/read-progress.js';
import type { ItemState, RoadmapItem } from '../model/roadmap.js';
import type { GroupProgress } from '../view/apply-group-progress.js';
import { loadProcessor } from '../pipeline/load-processor.js';
import { processRoadmap } from '../pipeline/process-roadmap.js';
import { buildSite, type BuildOptions, type BuildResult } from '../site/build-site.js';

/** One member's progress file: exported from the handout (`progress.json`) or a PDF checklist they ticked. */
export interface MemberSource {
  name: string;
  file: string;
}

export interface MergeOptions extends Omit<BuildOptions, 'inputs' | 'groupProgress' | 'template'> {
  /** The roadmap the members worked through. */
  roadmap: string;
  /** `--member NAME=FILE`; default: the config group's members that name a `progress` file. */
  members?: MemberSource[];
  /** Folder that config `progress` paths are relative to (the config file's). */
  configDir?: string;
}

/**
 * The study group's real progress: read each member's exported progress or
 * ticked PDF, and build the roadmap with the `study-group` template (HTML and
 * PDF, into `out`, as `build` does) with each member's column ticked and a
 * group progress bar per phase. A member not in the config's group, an id
 * the roadmap does not have, or no member at all is an `InputError`.
 */
export async function mergeGroup(options: MergeOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const configured = options.group?.members ?? [];
  const names = configured.map(memberName);
  const fromConfig = configured.flatMap((member) =>
    typeof member === 'string' ? [] : [{ name: member.name, file: path.resolve(options.configDir ?? cwd, member.progress) }],
  );
  const sources = options.members && options.members.length > 0 ? options.members : fromConfig;
  if (sources.length === 0) {
    throw new InputError(
      'No member progress to merge: give --member NAME=progress.json (or a ticked checklist.pdf), or config group.members[].progress',
    );
  }
  for (const source of sources) {
    if (names.length > 0 && !names.includes(source.name)) {
      const near = suggest(source.name, names);
      throw new InputError(`Unknown member "${source.name}": the group is ${names.join(', ')}${near ? ` (did you mean "${near}"?)` : ''}`);
    }
  }
  const seen = new Set<string>();
  for (const source of sources) {
    if (seen.has(source.name)) throw new InputError(`Member "${source.name}" is given twice`);
    seen.add(source.name);
  }

  const file = path.resolve(cwd, options.roadmap);
  const text = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(error.code === 'ENOENT' ? `No such file: ${options.roadmap}` : `Cannot read ${options.roadmap}: ${error.message}`);
  });
  // Modelled as the build below models it (its settings and plugins): the members' ids are checked against the build's.
  const { processor } = await loadProcessor(options.plugins);
  const { roadmap, diagnostics } = await processRoadmap(text, options.roadmap, options.settings, processor);
  if (!roadmap) {
    const first = diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    throw new InputError(`${options.roadmap}:${first?.line ?? 1}: ${first?.message ?? 'cannot be read'}`);
  }
  const items = new Map(itemsOf([...roadmap.phases, ...roadmap.sections]).map((item) => [item.id, item]));

  const progress: GroupProgress = {};
  for (const source of sources) {
    const marks = await readProgress(path.resolve(cwd, source.file));
    const unknown = [...marks.keys()].filter((id) => !items.has(id));
    if (unknown.length > 0) {
      throw new InputError(
        `${source.file} (${source.name}): unknown item ${unknown.length === 1 ? 'id' : 'ids'} ${unknown.join(', ')}, expected ids of ${options.roadmap} (run \`roadmap-press inspect ${options.roadmap} --json\` to list them)`,
      );
    }
    progress[source.name] = Object.fromEntries([...marks].map(([id, mark]) => [id, toState(mark, items.get(id)!)]));
  }

  const group: GroupConfig = options.group ?? { name: 'Study group', members: sources.map((source) => source.name) };
  return buildSite({
    ...options,
    inputs: [options.roadmap],
    template: { html: 'study-group', pdf: 'study-group' },
    group,
    groupProgress: progress,
  });
}

/** What a member's mark means for their column: a PDF's unticked box leaves the Markdown's `[~]` as it is. */
function toState(mark: Mark, item: RoadmapItem): ItemState {
  if (mark === true) return 'done';
  if (mark === false) return 'todo';
  if (mark === 'not-done') return item.state === 'doing' ? 'doing' : 'todo';
  return mark;
}
