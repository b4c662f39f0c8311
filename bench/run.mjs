// `npm run bench`: roadmap-press against its peers, side by side on this machine, on the same
// inputs and the same Chromium. Writes docs/benchmarks.json and docs/benchmarks.md.
//
//   BENCH_RUNS=5     measured runs per tool and case, after one warm-up (default 5)
//   BENCH_CASES=a,b  only these cases (ids below)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCorpus } from './make-corpus.mjs';
import { measure, median } from './measure.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const work = path.join(root, '.bench');
const peers = path.join(work, 'peers');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const only = process.env.BENCH_CASES?.split(',');
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

// ---------- the cases ----------

async function main() {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run compile` first');
  const { pandoc } = ensurePeers();
  log('making the corpus');
  const corpus = await makeCorpus(path.join(work, 'corpus'), path.join(root, 'content/rust-backend.md'));
  const out = (name) => path.join(work, 'out', name);
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
      contenders: {
        ours: () => tools.ours(corpus['class-20'], out('20-ours'), 'pdf', cacheFlag),
        ...(fullBrowser
          ? {
              'ours, full Chromium': () =>
                tools.ours(corpus['class-20'], out('20-ours-full'), 'pdf', [...cacheFlag, '--browser', fullBrowser]),
            }
          : {}),
        'md-to-pdf': () => tools.mdToPdf(markdownFiles(scratch(corpus['class-20'], '20'))),
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
  ].filter((entry) => !only || only.includes(entry.id));

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
        const result = await run(`${entry.id}/${name}`, make(), { sampleMemory });
        if (sampleMemory && result.code === 0) memory[name] = result.peakMiB;
        if (iteration === 0 && limit === undefined) continue; // warm-up
        if (result.code === 0) samples[name].push(result);
        else failures[name] += 1;
      }
    }
    const texts = entry.check ? itemTexts(entry.check) : null;
    const row = { id: entry.id, title: entry.title, items: texts?.length ?? null, tools: {} };
    const htmlOut = { ours: '1000-ours', 'ours, --workers 0': '1000-ours-main' };
    if (entry.id === 'html-1000')
      row.htmlFiles = Object.fromEntries(
        Object.keys(entry.contenders).map((name) => [name, countHtml(out(htmlOut[name] ?? `1000-${name}`))]),
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
      'md-to-pdf': JSON.parse(readFileSync(path.join(peers, 'node_modules/md-to-pdf/package.json'), 'utf8')).version,
      eleventy: JSON.parse(readFileSync(path.join(peers, 'node_modules/@11ty/eleventy/package.json'), 'utf8')).version,
      pandoc: pandoc ? version('pandoc', ['--version']) : 'not installed',
    },
    runs,
    results,
  };
  mkdirSync(path.join(root, 'docs'), { recursive: true });
  writeFileSync(path.join(root, 'docs/benchmarks.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(root, 'docs/benchmarks.md'), toMarkdown(report));
  log('wrote docs/benchmarks.md and docs/benchmarks.json');
}

function toMarkdown(report) {
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${report.date.slice(0, 10)}: ${report.machine.cpus} × ${report.machine.cpu}, ${report.machine.memoryGiB} GiB, ${report.machine.platform}.`,
    `Versions: ${Object.entries(report.versions)
      .map(([name, value]) => `${name} ${value}`)
      .join('; ')}.`,
    `Each figure is the median of ${report.runs} runs after a warm-up, tools interleaved, all on the same inputs and the same Chromium. Ratio = that tool's median ÷ roadmap-press's (higher means roadmap-press is faster). Peak memory is the whole process tree (the tool and its Chromium), sampled every 50 ms in the warm-up run (or the first run of a tool without one), not in the timed runs. "Missing items" counts the roadmap's items whose text is not in that tool's PDF (\`pdftotext\`).`,
    '',
    '| case | tool | median | ratio | peak memory | failed runs | missing items (PDF) or files written (HTML) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of report.results) {
    for (const [name, stats] of Object.entries(row.tools)) {
      lines.push(
        `| ${row.title} | ${name} | ${stats.medianMs === null ? 'all failed' : `${(stats.medianMs / 1000).toFixed(2)} s`} | ${stats.ratio ?? '–'} | ${stats.peakMiB === null ? '–' : `${stats.peakMiB} MiB`} | ${stats.failures} | ${stats.missingItems === null ? (row.htmlFiles ? `${row.htmlFiles[name]} HTML files` : '–') : `${stats.missingItems} of ${row.items}`} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

await main();
