#!/usr/bin/env node
// Makes a fresh clone ready to build and test, with nothing installed by hand:
// 1. npm packages, when node_modules is missing or older than package-lock.json;
// 2. a Chromium to print PDFs with (system one; else Debian's `chromium` when
//    running as root with apt-get; else one clear message saying how to get one),
//    plus the fonts the templates name, and Debian's `chromium-headless-shell`
//    where apt has it (the same Chromium, faster to start and to print; optional);
// 3. the fonts that give every script real glyphs in the PDF (Latin, Cyrillic, Greek,
//    Arabic, CJK, emoji): Debian's Noto packages, installed when missing on Debian/Ubuntu as root;
// 4. with --tests (npm test's set-up), the command-line tools the test suite reads PDFs
//    with: poppler's pdftotext, pdftoppm and pdffonts (Debian's `poppler-utils`), installed
//    as root with apt-get, else one message naming the package. `script` (util-linux) is
//    also used by the tests; Debian ships it in the essential `bsdutils` package.
// Dependency-free on purpose: it runs before the packages exist. Fast when all is in place.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const quiet = process.argv.includes('--quiet');
const forTests = process.argv.includes('--tests');
const log = (message) => quiet || console.error(`setup: ${message}`);

// Keep in step with src/print/find-browser.ts.
const browserCandidates = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
const fontPackages = ['fonts-noto-core', 'fonts-noto-cjk', 'fonts-noto-color-emoji', 'fonts-liberation', 'fonts-dejavu-core'];
const debianPackages = ['chromium', ...fontPackages];

function run(command, args, options = {}) {
  log(`${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) {
    console.error(`setup: \`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

function installPackages() {
  const lock = path.join(root, 'package-lock.json');
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && (!existsSync(lock) || statSync(installed).mtimeMs >= statSync(lock).mtimeMs)) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund'], {
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true' },
  });
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findBrowser() {
  const requested = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (requested) return isExecutable(requested) ? requested : null;
  return browserCandidates.find(isExecutable) ?? null;
}

function ensureBrowser() {
  if (findBrowser()) return;
  const canApt = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (process.env.PUPPETEER_EXECUTABLE_PATH || !canApt) {
    console.error(
      process.env.PUPPETEER_EXECUTABLE_PATH
        ? `setup: PUPPETEER_EXECUTABLE_PATH="${process.env.PUPPETEER_EXECUTABLE_PATH}" is not an executable file.`
        : 'setup: no Chrome or Chromium found to print PDFs.',
    );
    console.error(
      'Install one (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: install Google Chrome) ' +
        'or point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium executable.',
    );
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  const packages = aptHas('chromium-headless-shell') ? [...debianPackages, 'chromium-headless-shell'] : debianPackages;
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
  if (!findBrowser()) {
    console.error('setup: apt-get installed chromium, but no executable was found at /usr/bin/chromium.');
    process.exit(1);
  }
}

/** Debian packages of `names` that are not installed; `[]` where there is no dpkg. */
function missingDebianPackages(names) {
  if (process.platform !== 'linux' || !existsSync('/usr/bin/dpkg-query')) return [];
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...names], { encoding: 'utf8' });
  const installed = new Set(
    (result.stdout ?? '')
      .split('\n')
      .filter((line) => line.endsWith(' installed'))
      .map((line) => line.split(' ')[0]),
  );
  return names.filter((name) => !installed.has(name));
}

/** Whether apt knows a version of `name` it could install. */
function aptHas(name) {
  const result = spawnSync('apt-cache', ['policy', name], { encoding: 'utf8' });
  return /Candidate: (?!\(none\))\S+/.test(result.stdout ?? '');
}

/**
 * Debian's headless shell, next to a Debian `chromium`: optional, so a failure
 * only costs speed. Skipped when PUPPETEER_EXECUTABLE_PATH picks the browser.
 */
function ensureHeadlessShell() {
  if (process.env.PUPPETEER_EXECUTABLE_PATH || isExecutable('/usr/lib/chromium/chromium-headless-shell')) return;
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return;
  if (missingDebianPackages(['chromium']).length > 0 || !aptHas('chromium-headless-shell')) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log('apt-get install chromium-headless-shell (optional: starts and prints faster)');
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium-headless-shell'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    }).status === 0;
  // Package lists older than the mirror give a 404: refresh them once and try again.
  const installed = install() || (spawnSync('apt-get', ['update', '-qq'], { cwd: root, stdio: 'ignore', env }).status === 0 && install());
  if (!installed) log('could not install chromium-headless-shell; printing with chromium instead');
}

function ensureFonts() {
  const missing = missingDebianPackages(fontPackages);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    log(
      `fonts missing (${missing.join(', ')}): some scripts may print as empty boxes. Install them with \`sudo apt-get install ${missing.join(' ')}\`.`,
    );
    return;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

/** Whether `name` is a command on the PATH. */
function onPath(name) {
  return (process.env.PATH ?? '').split(path.delimiter).some((folder) => folder !== '' && isExecutable(path.join(folder, name)));
}

/** The tools the tests call: each Debian package with the commands it must provide. */
const testTools = [
  { pkg: 'poppler-utils', commands: ['pdftotext', 'pdftoppm', 'pdffonts'] },
  { pkg: 'bsdutils', commands: ['script'] },
  { pkg: 'util-linux', commands: ['unshare'] },
];

function ensureTestTools() {
  const missing = testTools.filter((tool) => !tool.commands.every(onPath));
  if (missing.length === 0) return;
  const packages = missing.map((tool) => tool.pkg);
  const commands = missing.flatMap((tool) => tool.commands.filter((command) => !onPath(command)));
  const canApt = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error(
      `setup: the tests need ${commands.join(', ')}: install ${packages.join(' ')} (Debian/Ubuntu: \`sudo apt-get install ${packages.join(' ')}\`; macOS: \`brew install poppler\`).`,
    );
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    }).status === 0;
  log(`apt-get install ${packages.join(' ')} (the tests read PDFs with it)`);
  // Package lists older than the mirror (or none yet) give a 404: refresh them once and try again.
  const installed = install() || (spawnSync('apt-get', ['update', '-qq'], { cwd: root, stdio: 'ignore', env }).status === 0 && install());
  if (!installed || !missing.every((tool) => tool.commands.every(onPath))) {
    console.error(`setup: \`apt-get install ${packages.join(' ')}\` failed; the tests need ${commands.join(', ')}.`);
    process.exit(1);
  }
}

installPackages();
ensureBrowser();
ensureHeadlessShell();
ensureFonts();
if (forTests) ensureTestTools();
