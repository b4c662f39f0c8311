/**
 * Scores roadmap-press's model against the hand-written expectations of the
 * real roadmaps in tests/corpus/ (see tests/corpus/README.md for the schema).
 *
 *   npm run corpus            # compile, then one line per file and the totals
 *   node scripts/score-corpus.mjs --json
 *
 * The scoring itself is pure (`measureRoadmap`, `compareExpectation`,
 * `summarize`); `scoreCorpus` reads the files and takes the modelling function
 * as an argument, so the CLI uses the compiled API and the test uses the sources.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The corpus folder: `<slug>.md` next to `<slug>.expected.json`. */
export const corpusDir = fileURLToPath(new URL('../tests/corpus/', import.meta.url));

const EXPECTATION_SUFFIX = '.expected.json';
const MAX_PHASE_PROBLEMS = 3;

/** Items in document order, nested ones after their parent. */
function flatten(items) {
  return items.flatMap((item) => [item, ...flatten(item.children ?? [])]);
}

/** Every checklist item of a roadmap, in phases and sections, nested ones included. */
export function allItems(roadmap) {
  return [...roadmap.phases, ...roadmap.sections].flatMap((group) => flatten(group.topics.flatMap((topic) => topic.items)));
}

/** A `{start, end}` range (or an inclusive `[start, end]` pair) as `[start, end]`, or `null`. */
function toPair(range) {
  if (range == null) return null;
  if (Array.isArray(range)) return [range[0], range[1]];
  return [range.start, range.end];
}

/** The facts of a model the expectations speak about. */
export function measureRoadmap(roadmap) {
  const items = allItems(roadmap);
  const weeks = [
    ...roadmap.phases.flatMap((phase) => (phase.weeks ? [phase.weeks.start, phase.weeks.end] : [])),
    ...items.flatMap((item) => (typeof item.week === 'number' ? [item.week] : [])),
  ];
  const withWeek = items.filter((item) => typeof item.week === 'number').length;
  return {
    title: roadmap.title.trim(),
    lang: String(roadmap.lang ?? '').toLowerCase(),
    phases: roadmap.phases.map((phase) => ({
      heading: phase.heading ?? phase.title,
      weeks: toPair(phase.weeks),
      days: toPair(phase.days),
    })),
    items: items.length,
    ticked: items.filter((item) => item.checked === true).length,
    weekShare: items.length === 0 ? 0 : withWeek / items.length,
    weekSpan: weeks.length === 0 ? null : [Math.min(...weeks), Math.max(...weeks)],
  };
}

const formatPair = (pair) => (pair == null ? 'none' : pair[0] === pair[1] ? String(pair[0]) : `${pair[0]}-${pair[1]}`);
const samePair = (a, b) => (a == null || b == null ? a == null && b == null : a[0] === b[0] && a[1] === b[1]);
const within = (value, [min, max]) => value >= min - 1e-9 && value <= max + 1e-9;
const formatShare = (value) => value.toFixed(2).replace(/\.?0+$/, '') || '0';

/**
 * What is short in a model compared with an expectation: a list of short
 * phrases (`phases 3≠5`, `weeks of "Phase 2" 5-9≠4-8`), empty when understood.
 * Each phrase reads "the model's value ≠ the expected one".
 */
export function compareExpectation(measured, expected) {
  const problems = [];
  if (measured.title !== expected.title.trim()) problems.push(`title ${JSON.stringify(measured.title)}≠${JSON.stringify(expected.title)}`);
  const lang = measured.lang.split('-')[0];
  if (lang !== expected.lang) problems.push(`lang ${measured.lang || 'none'}≠${expected.lang}`);
  if (measured.phases.length !== expected.phases.length) {
    problems.push(`phases ${measured.phases.length}≠${expected.phases.length}`);
  }
  const count = Math.min(measured.phases.length, expected.phases.length);
  const phaseProblems = [];
  for (let index = 0; index < count; index += 1) {
    const phase = measured.phases[index];
    const want = expected.phases[index];
    if (!phase.heading.toLowerCase().includes(want.title.toLowerCase())) {
      phaseProblems.push(`phase ${index + 1} ${JSON.stringify(phase.heading)}≠${JSON.stringify(want.title)}`);
      continue;
    }
    if (!samePair(phase.weeks, want.weeks))
      phaseProblems.push(`weeks of ${JSON.stringify(want.title)} ${formatPair(phase.weeks)}≠${formatPair(want.weeks)}`);
    if (want.days && !samePair(phase.days, want.days))
      phaseProblems.push(`days of ${JSON.stringify(want.title)} ${formatPair(phase.days)}≠${formatPair(want.days)}`);
  }
  // The first few are enough to see what is wrong; once one phase is missed, the rest shift.
  problems.push(...phaseProblems.slice(0, MAX_PHASE_PROBLEMS));
  if (phaseProblems.length > MAX_PHASE_PROBLEMS) problems.push(`${phaseProblems.length - MAX_PHASE_PROBLEMS} more phase differences`);
  if (!within(measured.items, expected.items)) problems.push(`items ${measured.items}∉${formatPair(expected.items)}`);
  if (!within(measured.ticked, expected.ticked)) problems.push(`ticked ${measured.ticked}∉${formatPair(expected.ticked)}`);
  if (!within(measured.weekShare, expected.weekShare)) {
    problems.push(`weekShare ${formatShare(measured.weekShare)}∉${expected.weekShare.map(formatShare).join('-')}`);
  }
  if (!samePair(measured.weekSpan, expected.weekSpan))
    problems.push(`weekSpan ${formatPair(measured.weekSpan)}≠${formatPair(expected.weekSpan)}`);
  return problems;
}

/** Totals over scored files: all, the tuned ones and the held-out ones. */
export function summarize(results) {
  const count = (list) => ({ understood: list.filter((result) => result.ok).length, total: list.length });
  return {
    ...count(results),
    tuned: count(results.filter((result) => !result.heldOut)),
    heldOut: count(results.filter((result) => result.heldOut)),
  };
}

/** The corpus slugs: every `<slug>.md` that has a `<slug>.expected.json`. */
export async function listCorpus(dir = corpusDir) {
  const names = await readdir(dir);
  return names
    .filter((name) => name.endsWith(EXPECTATION_SUFFIX))
    .map((name) => name.slice(0, -EXPECTATION_SUFFIX.length))
    .filter((slug) => names.includes(`${slug}.md`))
    .sort();
}

/**
 * Models every corpus file with `processRoadmap` (the API's, default options)
 * and compares it with its expectation. A file whose modelling fails or throws
 * is scored as not understood, with the reason.
 */
export async function scoreCorpus(processRoadmap, dir = corpusDir) {
  const results = [];
  for (const slug of await listCorpus(dir)) {
    const expected = JSON.parse(await readFile(path.join(dir, `${slug}${EXPECTATION_SUFFIX}`), 'utf8'));
    const source = await readFile(path.join(dir, `${slug}.md`));
    let problems;
    try {
      const { roadmap, diagnostics } = await processRoadmap(source, `${slug}.md`);
      problems = roadmap
        ? compareExpectation(measureRoadmap(roadmap), expected)
        : [`no model (${diagnostics.find((diagnostic) => diagnostic.severity === 'error')?.message ?? 'fatal error'})`];
    } catch (error) {
      problems = [`threw ${error instanceof Error ? error.message : String(error)}`];
    }
    results.push({ slug, heldOut: expected.heldOut === true, ok: problems.length === 0, problems });
  }
  return { results, totals: summarize(results) };
}

const percent = ({ understood, total }) => (total === 0 ? 0 : Math.round((understood / total) * 100));

/** The report as lines of text: one per file, then the totals. */
export function formatReport({ results, totals }) {
  const lines = results.map((result) => (result.ok ? `ok   ${result.slug}` : `SHORT ${result.slug}: ${result.problems.join(', ')}`));
  lines.push(
    `understood ${totals.understood}/${totals.total} (${percent(totals)}%); tuned ${totals.tuned.understood}/${totals.tuned.total}, held out ${totals.heldOut.understood}/${totals.heldOut.total}`,
  );
  return lines;
}

async function main() {
  const api = await import('../dist/index.js').catch((error) => {
    throw new Error(`Cannot load ../dist/index.js (run \`npm run compile\` first): ${error.message}`);
  });
  const score = await scoreCorpus(api.processRoadmap);
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(score, null, 2)}\n`);
  else process.stdout.write(`${formatReport(score).join('\n')}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`score-corpus: ${error.message}\n`);
    process.exitCode = 1;
  });
}
