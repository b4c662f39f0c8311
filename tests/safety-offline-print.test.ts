import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, formatDiagnostic } from '../src/index.js';
import { makeProject } from './helpers/make-project.js';
import { repoRoot } from './helpers/run-cli.js';

/** A TCP server that counts every connection made to it (and answers none): any request, prefetch or preconnect shows. */
let server: net.Server;
let connections = 0;
let port = 0;

beforeAll(async () => {
  server = net.createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function leakyTemplateProject(): Promise<string> {
  const origin = `http://127.0.0.1:${port}`;
  const layout = await readFile(path.join(repoRoot, 'templates/checklist/layout.hbs'), 'utf8');
  const links = [
    `<link rel="prefetch" href="${origin}/prefetch">`,
    `<link rel="preconnect" href="${origin}">`,
    `<link rel="dns-prefetch" href="${origin}">`,
    `<link rel="preload" as="font" crossorigin href="${origin}/preload.woff2">`,
    `<link rel="stylesheet" href="${origin}/sheet.css">`,
  ].join('\n');
  return makeProject({
    'content/a.md': '# A\n\n## Phase 1 (Weeks 1-2)\n\n- [ ] one\n- [ ] two\n',
    'templates/leaky/template.json': JSON.stringify({ description: 'Reaches out.', formats: ['pdf'], extends: 'checklist' }),
    'templates/leaky/layout.hbs': layout.replace('</head>', `${links}\n</head>`),
    'templates/leaky/style.css': `@import url("${origin}/import.css");\n@font-face { font-family: Leak; src: url("${origin}/font.woff2"); }\nbody { font-family: Leak, sans-serif; }\n`,
    // Chromium fails the whole print on anything in a running header that loads.
    'templates/leaky/header.hbs': [
      `<link rel="stylesheet" href="${origin}/header.css">`,
      `<style>@import url("${origin}/header-import.css"); span { background: url(${origin}/header-bg.png); }</style>`,
      `<img src="${origin}/logo.png" alt="">`,
      '<span style="font-size: 8pt">{{title}}</span>',
    ].join(''),
  });
}

describe('printing is offline at the browser level', () => {
  it('prefetch, preconnect, DNS prefetch, preload, stylesheets, fonts and @import in a template reach nothing; the PDF is printed', async () => {
    const cwd = await leakyTemplateProject();
    connections = 0;
    const result = await build({ cwd, formats: ['pdf'], template: { pdf: 'leaky' }, workers: 0 });
    const lines = result.roadmaps.flatMap((roadmap) => roadmap.diagnostics.map((d) => formatDiagnostic(roadmap.source, d)));
    expect(lines.filter((line) => !line.includes('[offline]'))).toEqual([]);
    for (const file of ['header.css', 'header-import.css', 'header-bg.png', 'logo.png']) {
      expect(lines).toContain(
        `content/a.md:1:1 warning Blocked request to http://127.0.0.1:${port}/${file} while printing: printing is offline, only data: URLs and files inside the roadmap's folder load [offline]`,
      );
    }
    expect(existsSync(path.join(cwd, 'output/a.pdf'))).toBe(true);
    expect(connections).toBe(0);
  }, 120_000);
});
