import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForFile } from './helpers/wait-for.js';
import { findPdfWords } from './helpers/find-pdf-words.js';
import { renderPage } from './helpers/poppler.js';
import { runCli } from './helpers/run-cli.js';
import { storageSettled } from './helpers/storage-settled.js';

const roadmap = [
  '# Handout Progress',
  '',
  '## Phase 1: Basics (Weeks 1-2)',
  '',
  '- Install the toolchain',
  '- [x] Skim the introduction',
  '- Write a first program',
  '  - Run it twice',
  '',
  '## Phase 2: Practice (Week 3)',
  '',
  '**Projects**',
  '',
  '- Build a small project',
  '- Review the code with a friend',
  '',
].join('\n');

const ids = {
  install: 'phase-1-basics--install-the-toolchain',
  skim: 'phase-1-basics--skim-the-introduction',
  write: 'phase-1-basics--write-a-first-program',
  run: 'phase-1-basics--write-a-first-program--run-it-twice',
  build: 'phase-2-practice--build-a-small-project',
  review: 'phase-2-practice--review-the-code-with-a-friend',
};
const storageKey = 'roadmap-press:progress:handout-progress';

let tmp: string;
let browser: Browser;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-handout-'));
  browser = await puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
});

afterAll(async () => {
  await browser?.close();
  await rm(tmp, { recursive: true, force: true });
});

/** A project folder with the roadmap, built to HTML; returns the roadmap's path and the handout's file URL. */
async function buildProject(name: string, source = roadmap): Promise<{ dir: string; markdown: string; url: string }> {
  const dir = path.join(tmp, name);
  await mkdir(dir, { recursive: true });
  const markdown = path.join(dir, 'roadmap.md');
  await writeFile(markdown, source);
  const result = await runCli(['build', 'roadmap.md', '--out', 'out', '--format', 'html', '--quiet'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return { dir, markdown, url: pathToFileURL(path.join(dir, 'out/roadmap.html')).href };
}

/** A page in a fresh browser context (its own localStorage), recording every console message and page error. */
async function openPage(url: string, { javaScript = true, context }: { javaScript?: boolean; context?: BrowserContext } = {}) {
  const own = context ?? (await browser.createBrowserContext());
  const page = await own.newPage();
  const messages: string[] = [];
  const waiting: { pattern: RegExp; resolve: () => void }[] = [];
  const add = (text: string) => {
    messages.push(text);
    for (const waiter of [...waiting]) {
      if (waiter.pattern.test(text)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  /** Resolves once a console message matching `pattern` has arrived (or already had). */
  const message = (pattern: RegExp) =>
    messages.some((text) => pattern.test(text)) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ pattern, resolve }));
  page.on('console', (entry) => add(`${entry.type()}: ${entry.text()}`));
  page.on('pageerror', (error) => add(`pageerror: ${(error as Error).message}`));
  // Runs outside the page's policy (DevTools injects it), so it can report what the policy refuses.
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`securitypolicyviolation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.setJavaScriptEnabled(javaScript);
  await page.goto(url, { waitUntil: 'load' });
  return { page, context: own, messages, message };
}

/** Console messages that mean the Content-Security-Policy refused something, or that the page failed. */
const problems = (messages: string[]) =>
  messages.filter((text) => /Refused to|securitypolicyviolation|Content.Security.Policy|pageerror/i.test(text));

async function policy(page: Page): Promise<string> {
  return page.$eval('meta[http-equiv="Content-Security-Policy"]', (meta) => (meta as HTMLMetaElement).content);
}

async function ticks(page: Page): Promise<Record<string, boolean>> {
  return page.$$eval('input[data-item]', (boxes) =>
    Object.fromEntries(boxes.map((box) => [(box as HTMLInputElement).dataset.item, (box as HTMLInputElement).checked])),
  );
}

async function meters(page: Page): Promise<{ scope: string; text: string; value: number; max: number }[]> {
  return page.$$eval('[data-progress]', (found) =>
    found.map((meter) => {
      const bar = meter.querySelector('progress')!;
      // What a reader sees: the hidden `· 0 in progress` is not read.
      const count = meter.querySelector('.meter__count')!.cloneNode(true) as Element;
      for (const hidden of Array.from(count.querySelectorAll('[hidden]'))) hidden.remove();
      return {
        scope: (meter as HTMLElement).dataset.progress!,
        text: count.textContent!.replace(/\s+/g, ' ').trim(),
        value: bar.value,
        max: bar.max,
      };
    }),
  );
}

/**
 * Tick or untick a box as a reader does: a box cycles todo → in progress → done → todo, so an
 * unticked box takes two clicks to be ticked, a ticked one one click to be unticked.
 */
const click = async (page: Page, id: string) => {
  const selector = `input[data-item="${id}"]`;
  const ticked = await page.$eval(selector, (box) => (box as HTMLInputElement).checked);
  await page.click(selector);
  if (!ticked) await page.click(selector);
};

describe('the interactive handout', () => {
  it('remembers a ticked box across a reload and in a new tab, and moves the overall and phase meters', async () => {
    const { url } = await buildProject('remember');
    const { page, context, messages } = await openPage(url);
    expect(await meters(page)).toEqual([
      { scope: '', text: '1 of 6 done', value: 1, max: 6 },
      { scope: 'phase-1-basics', text: '1 of 4 done', value: 1, max: 4 },
      { scope: 'phase-2-practice', text: '0 of 2 done', value: 0, max: 2 },
    ]);

    await click(page, ids.install);
    await click(page, ids.build);
    await click(page, ids.skim); // ticked in the Markdown: unticking it is remembered too
    const expected = { ...Object.fromEntries(Object.values(ids).map((id) => [id, false])), [ids.install]: true, [ids.build]: true };
    expect(await ticks(page)).toEqual(expected);
    const moved = [
      { scope: '', text: '2 of 6 done', value: 2, max: 6 },
      { scope: 'phase-1-basics', text: '1 of 4 done', value: 1, max: 4 },
      { scope: 'phase-2-practice', text: '1 of 2 done', value: 1, max: 2 },
    ];
    expect(await meters(page)).toEqual(moved);
    expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), storageKey))!)).toEqual({
      [ids.install]: true,
      [ids.build]: true,
      [ids.skim]: false,
    });

    // Chromium hands a page's storage to the browser process asynchronously: under load a reload or
    // a new tab can start before it arrives. Wait until another page of the context sees it.
    await storageSettled(page);

    await page.reload({ waitUntil: 'load' });
    expect(await ticks(page)).toEqual(expected);
    expect(await meters(page)).toEqual(moved);

    // A new tab (no form-state restoring, unlike a reload) reads the same progress.
    const { page: second, messages: secondMessages } = await openPage(url, { context });
    expect(await ticks(second)).toEqual(expected);
    expect(await meters(second)).toEqual(moved);
    expect(problems([...messages, ...secondMessages])).toEqual([]);
  });

  it('keeps the progress of the other items when the roadmap is edited and rebuilt', async () => {
    const project = await buildProject('edit');
    const { page, context, messages } = await openPage(project.url);
    await click(page, ids.install);
    await click(page, ids.run);
    await click(page, ids.review);
    await storageSettled(page);

    const edited = roadmap
      .replace('- Install the toolchain\n', '- Set up an editor\n- Install the toolchain\n')
      .replace('- Build a small project\n', '- Build a small project\n- Deploy it\n');
    await buildProject('edit', edited);
    const { page: after, messages: afterMessages } = await openPage(project.url, { context });
    expect(await ticks(after)).toEqual({
      'phase-1-basics--set-up-an-editor': false,
      [ids.install]: true,
      [ids.skim]: true,
      [ids.write]: false,
      [ids.run]: true,
      [ids.build]: false,
      'phase-2-practice--deploy-it': false,
      [ids.review]: true,
    });
    expect(await meters(after)).toEqual([
      { scope: '', text: '4 of 8 done', value: 4, max: 8 },
      { scope: 'phase-1-basics', text: '3 of 5 done', value: 3, max: 5 },
      { scope: 'phase-2-practice', text: '1 of 3 done', value: 1, max: 3 },
    ]);
    expect(problems([...messages, ...afterMessages])).toEqual([]);
  });

  describe('export and import', () => {
    let project: { dir: string; markdown: string; url: string };
    let exported: string;

    beforeAll(async () => {
      project = await buildProject('export');
    });

    it('exports the ticks as a progress file', async () => {
      const { page, context, messages } = await openPage(project.url);
      await click(page, ids.install);
      await click(page, ids.run);
      await click(page, ids.skim);
      await click(page, ids.review);
      const downloads = path.join(project.dir, 'downloads');
      await mkdir(downloads);
      const session = await browser.target().createCDPSession();
      await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, browserContextId: context.id });
      const controls = await page.$eval('#progress-tools', (tools) => ({
        hidden: (tools as HTMLElement).hidden,
        buttons: Array.from(tools.querySelectorAll('button'), (button) => button.textContent),
      }));
      expect(controls).toEqual({ hidden: false, buttons: ['Export progress', 'Import progress'] });

      await page.click('[data-export]');
      exported = path.join(downloads, 'handout-progress-progress.json');
      await waitForFile(exported);
      await session.detach();
      expect(await readdir(downloads)).toEqual(['handout-progress-progress.json']);
      expect(JSON.parse(await readFile(exported, 'utf8'))).toEqual({
        format: 'roadmap-press-progress',
        version: 1,
        roadmap: 'Handout Progress',
        key: 'handout-progress',
        items: {
          [ids.install]: true,
          [ids.skim]: false,
          [ids.write]: false,
          [ids.run]: true,
          [ids.build]: false,
          [ids.review]: true,
        },
      });
      expect(await page.$eval('[data-message]', (message) => message.textContent)).toBe(
        'Progress saved as handout-progress-progress.json.',
      );
      expect(problems(messages)).toEqual([]);
    });

    it('imports it through the file input on a fresh profile, which then remembers it', async () => {
      const { page, context, messages } = await openPage(project.url);
      const before = await ticks(page);
      expect(before[ids.install]).toBe(false);

      const wrong = path.join(project.dir, 'not-progress.json');
      await writeFile(wrong, JSON.stringify({ format: 'something-else', items: { [ids.install]: true } }));
      await (await page.$('input[data-import]'))!.uploadFile(wrong);
      await page.waitForFunction(() => document.querySelector('[data-message]')!.textContent !== '');
      expect(await page.$eval('[data-message]', (message) => message.textContent)).toBe(
        'not-progress.json is not a progress file of this roadmap.',
      );
      expect(await ticks(page)).toEqual(before);

      await (await page.$('input[data-import]'))!.uploadFile(exported);
      await page.waitForFunction(() => document.querySelector('[data-message]')!.textContent!.startsWith('Imported'));
      expect(await page.$eval('[data-message]', (message) => message.textContent)).toBe(
        'Imported 3 ticks from handout-progress-progress.json.',
      );
      const restored = JSON.parse(await readFile(exported, 'utf8')).items;
      expect(await ticks(page)).toEqual(restored);
      expect((await meters(page))[0]).toEqual({ scope: '', text: '3 of 6 done', value: 3, max: 6 });

      const { page: again, messages: againMessages } = await openPage(project.url, { context });
      expect(await ticks(again)).toEqual(restored);
      expect(problems([...messages, ...againMessages])).toEqual([]);
    });

    it('feeds `mark --from`, which changes exactly the lines of the items whose box changed', async () => {
      const result = await runCli(['mark', 'roadmap.md', '--from', exported], { cwd: project.dir });
      expect(result.stderr).toBe('roadmap.md: 4 items updated\n');
      expect(result.code).toBe(0);
      const before = roadmap.split('\n');
      const after = (await readFile(project.markdown, 'utf8')).split('\n');
      expect(after).toHaveLength(before.length);
      const changed = after.flatMap((line, index) => (line === before[index] ? [] : [`${index + 1}: ${before[index]} → ${line}`]));
      expect(changed).toEqual([
        '5: - Install the toolchain → - [x] Install the toolchain',
        '6: - [x] Skim the introduction → - [ ] Skim the introduction',
        '8:   - Run it twice →   - [x] Run it twice',
        '15: - Review the code with a friend → - [x] Review the code with a friend',
      ]);
    });
  });

  it('with JavaScript off, shows the static checklist: the Markdown ticks, their counts, no controls, no errors', async () => {
    const { url } = await buildProject('no-script');
    // Progress remembered while JavaScript was on must not show once it is off: the page is then only the Markdown.
    const { page: on, context } = await openPage(url);
    await click(on, ids.install);
    const { page, messages } = await openPage(url, { javaScript: false, context });
    expect(await ticks(page)).toEqual({ ...Object.fromEntries(Object.values(ids).map((id) => [id, false])), [ids.skim]: true });
    expect(await meters(page)).toEqual([
      { scope: '', text: '1 of 6 done', value: 1, max: 6 },
      { scope: 'phase-1-basics', text: '1 of 4 done', value: 1, max: 4 },
      { scope: 'phase-2-practice', text: '0 of 2 done', value: 0, max: 2 },
    ]);
    const tools = await page.$eval('#progress-tools', (element) => ({
      hidden: (element as HTMLElement).hidden,
      display: getComputedStyle(element).display,
      height: element.getBoundingClientRect().height,
    }));
    expect(tools).toEqual({ hidden: true, display: 'none', height: 0 });
    expect(messages).toEqual([]);
  });

  it('declares a Content-Security-Policy that really refuses what it does not pin (a tampered script, an inline style attribute)', async () => {
    const { dir, url } = await buildProject('tampered');
    const { page, messages, message } = await openPage(url);
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await message(/securitypolicyviolation: style-src-attr/);
    await message(/^error: (Refused to apply|Applying) inline style/);
    // Chromium words it "Refused to apply inline style…" or, since about version 140, "Applying inline style violates…".
    expect(
      messages.filter((text) => /^error: (Refused to apply|Applying) inline style\b.*Content Security Policy directive/.test(text)),
    ).toHaveLength(1);
    expect(messages).toContain('error: securitypolicyviolation: style-src-attr inline');

    const html = await readFile(path.join(dir, 'out/roadmap.html'), 'utf8');
    expect(html).toContain('const key = root.dataset.roadmap');
    const tamperedFile = path.join(dir, 'out/tampered.html');
    await writeFile(tamperedFile, html.replace('const key = root.dataset.roadmap', "const key = 'x' || root.dataset.roadmap"));
    const tampered = await openPage(pathToFileURL(tamperedFile).href);
    await tampered.message(/securitypolicyviolation: script-src-elem/);
    await tampered.message(/^error: (Refused to execute|Executing) inline script/);
    expect(
      tampered.messages.filter((text) =>
        /^error: (Refused to execute|Executing) inline script\b.*Content Security Policy directive/.test(text),
      ),
    ).toHaveLength(1);
    expect(tampered.messages).toContain('error: securitypolicyviolation: script-src-elem inline');
    expect(await tampered.page.$eval('#progress-tools', (tools) => (tools as HTMLElement).hidden)).toBe(true);
  });

  it('prints the boxes as they are ticked in the browser, with the current counts and without the controls', async () => {
    const { dir, url } = await buildProject('print');
    const plain = await openPage(url);
    const plainPdf = path.join(dir, 'plain.pdf');
    await plain.page.pdf({ path: plainPdf, format: 'A4' });

    const { page, messages } = await openPage(url);
    await click(page, ids.write);
    await click(page, ids.build);
    await click(page, ids.skim);
    const tickedPdf = path.join(dir, 'ticked.pdf');
    await page.pdf({ path: tickedPdf, format: 'A4' });
    expect(problems([...plain.messages, ...messages])).toEqual([]);

    const words = await findPdfWords(tickedPdf);
    const text = words.map((word) => word.text).join(' ');
    expect(text).toContain('2 of 6 done');
    expect(text).toContain('1 of 4 done');
    expect(text).toContain('1 of 2 done');
    expect(text).not.toContain('Export');
    expect(text).not.toContain('saved in this browser');
    expect((await findPdfWords(plainPdf)).map((word) => word.text).join(' ')).toContain('1 of 6 done');

    // The box sits left of its label's first word: compare how dark that spot prints in both PDFs.
    const [plainPage, tickedPage] = await Promise.all([renderPage(plainPdf, 1), renderPage(tickedPdf, 1)]);
    const darkness = (rendered: typeof plainPage, word: string) => {
      const at = words.find((candidate) => candidate.page === 1 && candidate.text === word)!;
      let sum = 0;
      let count = 0;
      for (let x = at.left - 13; x <= at.left - 4; x += 0.5) {
        for (let y = at.bottom - 1; y <= at.top + 1; y += 0.5) {
          sum += 255 - rendered.at(x, y);
          count += 1;
        }
      }
      return sum / count;
    };
    for (const word of ['Write', 'Build']) {
      expect(darkness(tickedPage, word), `${word} ticked`).toBeGreaterThan(darkness(plainPage, word) + 40);
    }
    expect(darkness(plainPage, 'Skim'), 'Skim unticked').toBeGreaterThan(darkness(tickedPage, 'Skim') + 40);
    expect(Math.abs(darkness(tickedPage, 'Install') - darkness(plainPage, 'Install'))).toBeLessThan(5);
  });

  it('gives the other HTML pages (checklist, planner, study-group, index) a policy that allows no script, and they load without a violation', async () => {
    const dir = path.join(tmp, 'others');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'roadmap.md'), roadmap);
    for (const template of ['checklist', 'planner', 'study-group']) {
      const out = path.join(dir, template);
      const result = await runCli(['build', 'roadmap.md', '--out', out, '--format', 'html', '--template', `html=${template}`, '--quiet'], {
        cwd: dir,
      });
      expect(result.code, result.stderr).toBe(0);
      for (const file of ['roadmap.html', 'index.html']) {
        const { page, messages } = await openPage(pathToFileURL(path.join(out, file)).href);
        expect(await policy(page), `${template} ${file}`).toMatch(
          /^default-src 'none'; img-src data:; style-src 'sha256-[A-Za-z0-9+/]+={0,2}'; script-src 'none'; base-uri 'none'; form-action 'none'$/,
        );
        expect(await page.$$('script'), `${template} ${file}`).toHaveLength(0);
        expect(problems(messages), `${template} ${file}`).toEqual([]);
      }
    }
  });
});
