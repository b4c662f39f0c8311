// `npm run bench`: roadmap-press against its peers, side by side on this machine, on the same
// inputs and the same Chromium. Writes docs/benchmarks.json and docs/benchmarks.md.
//
//   BENCH_RUNS=5     measured runs per tool and case, after one warm-up (default 5)
//   BENCH_CASES=a,b  only these cases (ids below: cold-1, pdf-20, pdf-100, html-1000, rebuild-none-20, rebuild-one-20,
//                    large-5000, serve, ladder)
//   BENCH_PEERS=0    without md-to-pdf, Eleventy and pandoc (nothing installed): our rows and the floors only
//   BENCH_REPORT=f  write f.json and f.md instead of docs/benchmarks.json and .md (say, for a partial run)
//   BENCH_WARMUP=0   no warm-up run (for slow cases measured once, say an old build on the size ladder)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ladderCopies, makeCorpus } from './make-corpus.mjs';
import { measure, median } from './measure.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const work = path.join(root, '.bench');
const peers = path.join(work, 'peers');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const only = process.env.BENCH_CASES?.split(',');
const withPeers = process.env.BENCH_PEERS !== '0';
const warmUp = process.env.BENCH_WARMUP !== '0';
const peerNames = ['md-to-pdf', 'eleventy', 'pandoc'];
const cli = path.join(root, 'dist/cli.js');
const { findBrowser, isHeadlessShell } = await import(path.join(root, 'dist/print/find-browser.js'));
// Every tool prints with the browser roadmap-press picks (the headless shell where there is one), driven the same way.
const chromium = findBrowser();
const headless = isHeadlessShell(chromium) ? 'shell' : true;
// When that is the headless shell, a row also prints with the full browser, to show what the shell saves.
const fullBrowser = isHeadlessShell(chromium)
  ? ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((file) => existsSync(file))
  : undefined;
const log = (message) => console.error(`bench: ${message}`);

// ---------- peers, installed on first use into a git-ignored folder ----------

function ensurePeers() {
  const marker = path.join(peers, 'node_modules/md-to-pdf/package.json');
  if (!existsSync(marker) || !existsSync(path.join(peers, 'node_modules/@11ty/eleventy/package.json'))) {
    mkdirSync(peers, { recursive: true });
    writeFileSync(path.join(peers, 'package.json'), '{"private": true}\n');
    log('installing md-to-pdf and Eleventy into .bench/peers (first run only)');
    const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', 'md-to-pdf@5', 'puppeteer@24', '@11ty/eleventy@3'], {
      cwd: peers,
      stdio: 'inherit',
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true' },
    });
    if (result.status !== 0) throw new Error('could not install the peers');
  }
  let pandoc = spawnSync('pandoc', ['--version']).status === 0;
  if (!pandoc && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    log('installing pandoc from Debian (first run only)');
    spawnSync('apt-get', ['install', '-y', '-qq', 'pandoc'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    pandoc = spawnSync('pandoc', ['--version']).status === 0;
  }
  return { pandoc };
}

function version(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')[0]
      .trim();
  } catch {
    return 'unknown';
  }
}

// ---------- the tools ----------

const launchOptions = JSON.stringify({
  executablePath: chromium,
  headless,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const markdownFiles = (dir) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => path.join(dir, file));

/** A fresh scratch copy of a corpus folder (md-to-pdf writes next to its inputs). */
function scratch(dir, name) {
  const copy = path.join(work, 'scratch', name);
  rmSync(copy, { recursive: true, force: true });
  cpSync(dir, copy, { recursive: true });
  return copy;
}

const tools = {
  // Run as an installed `roadmap-press` runs: the file itself, whose first line gives Node its flags.
  ours: (dir, out, format, extra = []) => [cli, ['build', dir, '--out', out, '--format', format, '-q', ...extra]],
  // The same build from tsc's output, one module file at a time (what bundling dist/cli.js saves).
  oursUnbundled: (dir, out, format, extra = []) => [
    path.join(root, 'dist/cli-unbundled.js'),
    ['build', dir, '--out', out, '--format', format, '-q', ...extra],
  ],
  floor: (_dir, out) => ['node', [path.join(root, 'bench/floor.mjs'), chromium, path.join(out, 'floor.pdf'), String(headless)]],
  mdToPdf: (files) => ['node', [path.join(peers, 'node_modules/md-to-pdf/dist/cli.js'), '--launch-options', launchOptions, ...files]],
  // Eleventy skips what the working folder's .gitignore lists (.bench/ here): run it from outside the repository.
  eleventy: (dir, out) => [
    'sh',
    [
      '-c',
      `cd "${os.tmpdir()}" && exec node "${path.join(peers, 'node_modules/@11ty/eleventy/cmd.cjs')}" --input="${dir}" --output="${out}" --quiet`,
    ],
  ],
  pandoc: (dir, out) => [
    'sh',
    [
      '-c',
      `mkdir -p "${out}" && for f in "${dir}"/*.md; do pandoc -s --metadata title=roadmap "$f" -o "${out}/$(basename "$f" .md).html" || exit 1; done`,
    ],
  ],
};

async function run(name, [command, args], options = {}) {
  const result = await measure(command, args, { cwd: root, ...options });
  if (result.code !== 0) log(`${name} failed (exit ${result.code}): ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return result;
}

// ---------- equivalence: nobody wins by printing less ----------

function itemTexts(file) {
  const model = JSON.parse(execFileSync('node', [cli, 'inspect', file, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const texts = [];
  const walk = (items) => {
    for (const item of items) {
      texts.push(item.text);
      walk(item.children);
    }
  };
  for (const part of [...model.phases, ...model.sections]) for (const topic of part.topics) walk(topic.items);
  return texts;
}

function missingItems(pdf, texts) {
  if (!existsSync(pdf)) return texts.length;
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).replace(/\s+/g, ' ');
  return texts.filter((item) => !text.includes(item.replace(/\s+/g, ' '))).length;
}

/** HTML files written below a folder (index pages aside): nobody wins by writing nothing. */
function countHtml(dir) {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true }).filter((file) => String(file).endsWith('.html') && !/^index\.html$/.test(String(file)))
    .length;
}

// ---------- floors and in-process times ----------

/** The parse floor of an HTML build: remark-parse + remark-gfm over every file of a folder, once each, divided by the cores. */
async function parseFloor(dir) {
  const [{ unified }, { default: remarkParse }, { default: remarkGfm }] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
  ]);
  const processor = unified().use(remarkParse).use(remarkGfm).freeze();
  const texts = markdownFiles(dir).map((file) => readFileSync(file, 'utf8'));
  for (const text of texts.slice(0, 20)) processor.parse(text); // warm-up
  const started = performance.now();
  for (const text of texts) processor.parse(text);
  return (performance.now() - started) / os.availableParallelism();
}

let serveTimes = { htmlMs: null, pdfMs: null };

/** `serve`'s medians over five saves of the sample (bench/serve-save.mjs), in a fresh process. */
function serveSave() {
  const output = execFileSync('node', [path.join(root, 'bench/serve-save.mjs'), '--saves', '5'], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1));
}

/** Modelling the seed repeated `copies` times, in a fresh process, as bench/model-ladder.mjs times it (the model alone). */
function modelTime(copies) {
  const output = execFileSync(
    'node',
    ['--max-semi-space-size=64', path.join(root, 'bench/model-ladder.mjs'), '--runs', '1', String(copies)],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(output.trim().split('\n').at(-1)).ms;
}

// ---------- the cases ----------

async function main() {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run compile` first');
  const { pandoc } = withPeers ? ensurePeers() : { pandoc: false };
  log('making the corpus');
  const corpus = await makeCorpus(path.join(work, 'corpus'), path.join(root, 'content/rust-backend.md'));
  const out = (name) => path.join(work, 'out', name);
  const printed20 = path.join(work, 'printed-20.json');
  const ourHelp = execFileSync('node', [cli, 'build', '--help'], { encoding: 'utf8' });
  const cacheFlag = ourHelp.includes('--no-cache') ? ['--no-cache'] : [];

  const cases = [
    {
      id: 'cold-1',
      title: '1 roadmap to PDF, cold (process start to files written)',
      contenders: {
        ours: () => tools.ours(corpus.one, out('cold-ours'), 'pdf', cacheFlag),
        'ours, unbundled': () => tools.oursUnbundled(corpus.one, out('cold-ours-unbundled'), 'pdf', cacheFlag),
        'md-to-pdf': () => tools.mdToPdf(markdownFiles(scratch(corpus.one, 'cold'))),
        floor: () => tools.floor(null, out('cold-floor')),
      },
      pdfs: {
        ours: () => path.join(out('cold-ours'), 'roadmap-0001.pdf'),
        'md-to-pdf': () => path.join(work, 'scratch/cold/roadmap-0001.pdf'),
      },
      check: path.join(corpus.one, 'roadmap-0001.md'),
    },
    {
      id: 'pdf-20',
      title: '20 roadmaps to PDF',
      // What ours hands Chromium (HTML and page.pdf options), recorded once for the bare-print floor.
      prepare: () => execFileSync('node', [path.join(root, 'bench/print-floor.mjs'), 'capture', corpus['class-20'], printed20]),
      contenders: {
        ours: () => tools.ours(corpus['class-20'], out('20-ours'), 'pdf', cacheFlag),
        ...(fullBrowser
          ? {
              'ours, full Chromium': () =>
                tools.ours(corpus['class-20'], out('20-ours-full'), 'pdf', [...cacheFlag, '--browser', fullBrowser]),
            }
          : {}),
        'md-to-pdf': () => tools.mdToPdf(markdownFiles(scratch(corpus['class-20'], '20'))),
        'bare-print floor (same HTML, browser, concurrency)': () => [
          'node',
          [path.join(root, 'bench/print-floor.mjs'), 'print', printed20, out('20-floor')],
        ],
      },
      pdfs: {
        ours: () => path.join(out('20-ours'), 'roadmap-0007.pdf'),
        'md-to-pdf': () => path.join(work, 'scratch/20/roadmap-0007.pdf'),
      },
      check: path.join(corpus['class-20'], 'roadmap-0007.md'),
    },
    {
      id: 'pdf-100',
      title: '100 roadmaps to PDF (md-to-pdf in batches of 20, which it survives)',
      contenders: {
        ours: () => tools.ours(corpus['school-100'], out('100-ours'), 'pdf', cacheFlag),
        'md-to-pdf': () => {
          const files = markdownFiles(scratch(corpus['school-100'], '100'));
          const batches = [];
          for (let index = 0; index < files.length; index += 20) batches.push(files.slice(index, index + 20));
          const command = batches.map((batch) =>
            tools
              .mdToPdf(batch)[1]
              .map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`)
              .join(' '),
          );
          return ['sh', ['-c', command.map((args) => `node ${args} || exit 1`).join(' && ')]];
        },
      },
      pdfs: {
        ours: () => path.join(out('100-ours'), 'roadmap-0042.pdf'),
        'md-to-pdf': () => path.join(work, 'scratch/100/roadmap-0042.pdf'),
      },
      check: path.join(corpus['school-100'], 'roadmap-0042.md'),
    },
    {
      id: 'html-1000',
      title: '1,000 roadmaps to HTML only',
      contenders: {
        ours: () => tools.ours(corpus['html-1000'], out('1000-ours'), 'html', cacheFlag),
        'ours, --workers 0': () => tools.ours(corpus['html-1000'], out('1000-ours-main'), 'html', [...cacheFlag, '--workers', '0']),
        eleventy: () => tools.eleventy(corpus['html-1000'], out('1000-eleventy')),
        ...(pandoc ? { pandoc: () => tools.pandoc(corpus['html-1000'], out('1000-pandoc')) } : {}),
        'parse floor (remark-parse + remark-gfm × 1,000 ÷ cores)': () => () => parseFloor(corpus['html-1000']),
      },
      // pandoc converts one file per process: 1,000 processes a run, so it gets fewer runs.
      maxRuns: { pandoc: 2 },
    },
    {
      id: 'rebuild-none-20',
      title: 'No-change rebuild of 20 roadmaps (HTML and PDF)',
      prepare: () => execFileSync('node', [cli, 'build', corpus['class-20'], '--out', out('rebuild-20'), '-q']),
      contenders: {
        ours: () => tools.ours(corpus['class-20'], out('rebuild-20'), 'html,pdf'),
        'ours, full build': () => tools.ours(corpus['class-20'], out('rebuild-20-full'), 'html,pdf', cacheFlag),
      },
    },
    {
      id: 'rebuild-one-20',
      title: 'One file changed, rebuild of 20 roadmaps (HTML and PDF)',
      prepare: () => execFileSync('node', [cli, 'build', corpus['class-20'], '--out', out('rebuild-one'), '-q']),
      beforeEach: () => {
        const file = path.join(corpus['class-20'], 'roadmap-0003.md');
        writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n- One more item ${Date.now()}\n`);
      },
      contenders: { ours: () => tools.ours(corpus['class-20'], out('rebuild-one'), 'html,pdf') },
    },
    {
      id: 'large-5000',
      title: 'The 5,000-item roadmap to HTML and PDF',
      contenders: {
        ours: () => tools.ours(corpus['large-5000'], out('large-ours'), 'html,pdf', cacheFlag),
        'md-to-pdf': () => tools.mdToPdf(markdownFiles(scratch(corpus['large-5000'], 'large'))),
      },
      pdfs: {
        ours: () => path.join(out('large-ours'), 'roadmap-0001.pdf'),
        'md-to-pdf': () => path.join(work, 'scratch/large/roadmap-0001.pdf'),
      },
      check: path.join(corpus['large-5000'], 'roadmap-0001.md'),
    },
    {
      id: 'serve',
      title: '`serve` on the sample: a save until the handout is rebuilt, and until its PDF is ready (one Chromium, templates loaded once)',
      contenders: {
        'save → HTML rebuilt': () => async () => {
          serveTimes = serveSave();
          return serveTimes.htmlMs;
        },
        // The same saves as the row above (bench/serve-save.mjs reports both).
        'save → PDF ready': () => async () => serveTimes.pdfMs,
      },
    },
    {
      id: 'ladder',
      title: 'Size ladder: one roadmap, the seed repeated 50, 100, 200, 400 times',
      contenders: Object.fromEntries(
        ladderCopies.flatMap((copies) => [
          [`model, ${copies} copies`, () => () => modelTime(copies)],
          [`HTML build, ${copies} copies`, () => tools.ours(corpus[`ladder-${copies}`], out(`ladder-${copies}`), 'html', cacheFlag)],
        ]),
      ),
      maxRuns: Object.fromEntries(
        ladderCopies
          .filter((copies) => copies >= 400)
          .flatMap((copies) => [
            [`model, ${copies} copies`, 3],
            [`HTML build, ${copies} copies`, 3],
          ]),
      ),
    },
  ].filter((entry) => !only || only.includes(entry.id));
  if (!withPeers) for (const entry of cases) for (const name of peerNames) delete entry.contenders[name];

  const results = [];
  for (const entry of cases) {
    log(`${entry.id}: ${entry.title}`);
    entry.prepare?.();
    const samples = Object.fromEntries(Object.keys(entry.contenders).map((name) => [name, []]));
    const failures = Object.fromEntries(Object.keys(entry.contenders).map((name) => [name, 0]));
    const memory = Object.fromEntries(Object.keys(entry.contenders).map((name) => [name, null]));
    for (let iteration = 0; iteration <= runs; iteration += 1) {
      for (const [name, make] of Object.entries(entry.contenders)) {
        const limit = entry.maxRuns?.[name];
        if (limit !== undefined && (iteration === 0 || iteration > limit)) continue;
        entry.beforeEach?.();
        // Memory is sampled in one run per tool (the warm-up, or the first run of a tool without one):
        // sampling /proc every 50 ms would slow the timed runs down on a small machine.
        const sampleMemory = iteration === 0 || (limit !== undefined && iteration === 1);
        const made = make();
        // A floor computed in this process (a function resolving to milliseconds) rather than a command to time.
        const result =
          typeof made === 'function'
            ? { ms: await made(), code: 0, peakMiB: null }
            : await run(`${entry.id}/${name}`, made, { sampleMemory });
        if (sampleMemory && result.code === 0) memory[name] = result.peakMiB;
        if (iteration === 0 && limit === undefined && warmUp) continue; // warm-up
        if (iteration === runs && limit === undefined && !warmUp) continue; // the warm-up's run counted: one run fewer
        if (result.code === 0) samples[name].push(result);
        else failures[name] += 1;
      }
    }
    const texts = entry.check ? itemTexts(entry.check) : null;
    const row = { id: entry.id, title: entry.title, items: texts?.length ?? null, tools: {} };
    const htmlOut = { ours: '1000-ours', 'ours, --workers 0': '1000-ours-main' };
    if (entry.id === 'html-1000')
      row.htmlFiles = Object.fromEntries(
        // The parse floor writes nothing: no count for it.
        Object.keys(entry.contenders).map((name) => [
          name,
          name.startsWith('parse floor') ? null : countHtml(out(htmlOut[name] ?? `1000-${name}`)),
        ]),
      );
    for (const name of Object.keys(entry.contenders)) {
      const list = samples[name];
      row.tools[name] = {
        runs: list.length,
        failures: failures[name],
        medianMs: list.length ? Math.round(median(list.map((sample) => sample.ms))) : null,
        peakMiB: memory[name] === null ? null : Math.round(memory[name]),
        missingItems: texts && entry.pdfs?.[name] ? missingItems(entry.pdfs[name](), texts) : null,
      };
    }
    const ours = row.tools.ours?.medianMs;
    for (const stats of Object.values(row.tools)) stats.ratio = ours && stats.medianMs ? Number((stats.medianMs / ours).toFixed(2)) : null;
    results.push(row);
    log(JSON.stringify(row.tools));
  }

  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
    },
    versions: {
      'roadmap-press': JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version,
      node: process.version,
      chromium: version(chromium, ['--version']),
      'md-to-pdf': withPeers
        ? JSON.parse(readFileSync(path.join(peers, 'node_modules/md-to-pdf/package.json'), 'utf8')).version
        : 'not run',
      eleventy: withPeers
        ? JSON.parse(readFileSync(path.join(peers, 'node_modules/@11ty/eleventy/package.json'), 'utf8')).version
        : 'not run',
      pandoc: pandoc ? version('pandoc', ['--version']) : 'not installed',
    },
    runs,
    results,
  };
  const reportPath = path.resolve(root, process.env.BENCH_REPORT ?? 'docs/benchmarks');
  mkdirSync(path.dirname(reportPath), { recursive: true });
  writeFileSync(`${reportPath}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${reportPath}.md`, toMarkdown(report));
  log(`wrote ${reportPath}.md and ${reportPath}.json`);
}

function toMarkdown(report) {
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${report.date.slice(0, 10)}: ${report.machine.cpus} × ${report.machine.cpu}, ${report.machine.memoryGiB} GiB, ${report.machine.platform}.`,
    `Versions: ${Object.entries(report.versions)
      .map(([name, value]) => `${name} ${value}`)
      .join('; ')}.`,
    `Each figure is the median of ${report.runs} runs after a warm-up, tools interleaved, all on the same inputs and the same Chromium. Ratio = that tool's median ÷ roadmap-press's (higher means roadmap-press is faster). Peak memory is the whole process tree (the tool and its Chromium), sampled every 50 ms in the warm-up run (or the first run of a tool without one), not in the timed runs. "Missing items" counts the roadmap's items whose text is not in that tool's PDF (\`pdftotext\`). Floors: "bare-print floor" prints the very HTML roadmap-press hands Chromium, with the same page.pdf options, browser, launch flags and pages at once, and nothing else (bench/print-floor.mjs); "parse floor" is remark-parse + remark-gfm over the same 1,000 files in one process, divided by the cores (the least a parser-based HTML build can cost).`,
    '',
    '| case | tool | median | ratio | peak memory | failed runs | missing items (PDF) or files written (HTML) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of report.results) {
    for (const [name, stats] of Object.entries(row.tools)) {
      lines.push(
        `| ${row.title} | ${name} | ${stats.medianMs === null ? 'all failed' : `${(stats.medianMs / 1000).toFixed(2)} s`} | ${stats.ratio ?? '–'} | ${stats.peakMiB === null ? '–' : `${stats.peakMiB} MiB`} | ${stats.failures} | ${stats.missingItems === null ? (row.htmlFiles?.[name] != null ? `${row.htmlFiles[name]} HTML files` : '–') : `${stats.missingItems} of ${row.items}`} |`,
      );
    }
  }
  const ladder = report.results.find((row) => row.id === 'ladder');
  if (ladder) {
    const time = (name) => ladder.tools[name]?.medianMs ?? null;
    const step = (now, before) => (now && before ? `${(now / before).toFixed(2)}×` : '–');
    const seconds = (ms) => (ms === null ? '–' : `${(ms / 1000).toFixed(2)} s`);
    lines.push(
      '',
      '## Size ladder',
      '',
      'One roadmap, the seed repeated; each step doubles the input, so linear work doubles the time (4× the input: at most 4.6× the time is the target). "Model" is `processRoadmap` alone (bench/model-ladder.mjs, in a fresh process); "HTML build" is the whole `build --format html` process.',
      '',
      '| copies | model | × previous step | HTML build | × previous step |',
      '| ---: | ---: | ---: | ---: | ---: |',
    );
    ladderCopies.forEach((copies, index) => {
      const previous = ladderCopies[index - 1];
      const model = time(`model, ${copies} copies`);
      const html = time(`HTML build, ${copies} copies`);
      lines.push(
        `| ${copies} | ${seconds(model)} | ${step(model, previous && time(`model, ${previous} copies`))} | ${seconds(html)} | ${step(html, previous && time(`HTML build, ${previous} copies`))} |`,
      );
    });
  }
  return `${lines.join('\n')}\n`;
}

await main();
