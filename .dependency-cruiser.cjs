/**
 * The folder ladder of src/ (docs/architecture.md): each rung imports only rungs below it, type
 * imports included, and nothing imports in a circle. `npm test` runs it (`npm run deps`).
 */
const ladder = [
  'shared', // errors, dates, slugs and ids, hashing, suggestions, atomic writes, package root
  'model', // the roadmap's types, settings and their schemas, labels, option enums
  'config', // the config file: its schema and loading
  'pipeline', // Markdown → roadmap model: the processor, its plugins, week notations, lint
  'view', // the one place template data is made: view model, week rows, group, checklist, index views
  'render', // Handlebars templates and helpers → HTML
  'print', // Chromium → PDF
  'paper', // what a PDF gets after printing: QR codes, booklet imposition
  'calendar', // the .ics export
  'mark', // ticks written back into a roadmap
  'site', // the build: files in, files out, cache
  'merge', // the study group's merged handout and PDF
  'init', // project scaffolding
  'report', // diagnostics, progress and summaries for the terminal
  'serve', // the dev server and the watcher
  'index.ts', // the public API
  'commands', // one module per CLI command
  'cli.ts', // wires the commands
];

const folder = (rung) => (rung.endsWith('.ts') ? `^src/${rung.replace('.', '\\.')}$` : `^src/${rung}/`);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle between modules is a missing lower module.',
      from: {},
      to: { circular: true },
    },
    ...ladder.slice(0, -1).map((rung, index) => ({
      name: `ladder-${rung.replace('.ts', '')}`,
      severity: 'error',
      comment: `src/${rung} imports only rungs below it on the ladder (docs/architecture.md).`,
      from: { path: folder(rung) },
      to: { path: ladder.slice(index + 1).map(folder) },
    })),
    {
      name: 'commands-through-the-api',
      severity: 'error',
      comment:
        'src/commands/ reaches the rest only through the public API (src/index.ts, loaded lazily), its siblings and shared/; ' +
        'two modules are needed before the API loads: the config schema (the flags are parsed with it) and the early browser.',
      from: { path: '^src/commands/' },
      to: {
        path: '^src/',
        pathNot: ['^src/index\\.ts$', '^src/commands/', '^src/shared/', '^src/config/config-schema\\.ts$', '^src/print/prelaunch\\.ts$'],
      },
    },
    {
      name: 'one-document-tree',
      severity: 'error',
      comment:
        'HTML is parsed only where the author wrote it (raw HTML in the Markdown, read into mdast): item HTML is cut from the ' +
        'document tree and changed on it (docs/architecture.md, "One document tree"), never parsed back from a string.',
      from: { path: '^src/', pathNot: ['^src/pipeline/html-to-mdast\\.ts$'] },
      to: { path: 'node_modules/(hast-util-from-html|hast-util-from-parse5|parse5|rehype-parse)/' },
    },
    {
      name: 'on-the-ladder',
      severity: 'error',
      comment: 'Every module of src/ belongs to a rung of the ladder: add a new folder to it.',
      from: { path: '^src/', pathNot: ladder.map(folder) },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
