import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectLiveClient, startDevServer, type DevServer } from '../src/serve/create-dev-server.js';

let root: string;
let server: DevServer;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-serve-'));
  await mkdir(path.join(root, 'sub'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><html><body><h1>Index</h1></body></html>');
  await writeFile(path.join(root, 'sub/a b.html'), '<html><body>A</body></html>');
  await writeFile(path.join(root, 'a.pdf'), '%PDF-1.4 fake');
  await writeFile(path.join(os.tmpdir(), 'roadmap-press-secret.txt'), 'secret');
  server = await startDevServer({ root, port: 0 });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

function get(url: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }));
      })
      .on('error', reject);
  });
}

/** The event stream, once the server has said it is connected; `until` resolves with all received once it holds `text`. */
async function openEvents(): Promise<{ until: (text: string) => Promise<string>; close: () => void }> {
  let received = '';
  const waiting: { text: string; resolve: (all: string) => void }[] = [];
  const connected = new Promise<http.ClientRequest>((resolve, reject) => {
    const request = http.get(`${server.url}__roadmap-press/events`, (response) => {
      response.on('data', (chunk: Buffer) => {
        received += chunk;
        if (received.includes(': connected')) resolve(request);
        for (const waiter of [...waiting]) {
          if (received.includes(waiter.text)) {
            waiting.splice(waiting.indexOf(waiter), 1);
            waiter.resolve(received);
          }
        }
      });
    });
    request.on('error', reject);
  });
  const request = await connected;
  return {
    until: (text) => (received.includes(text) ? Promise.resolve(received) : new Promise((resolve) => waiting.push({ text, resolve }))),
    close: () => request.destroy(),
  };
}

describe('the dev server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the index with the live-reload script added', async () => {
    const response = await get(server.url);
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/html; charset=utf-8');
    expect(response.body).toBe('<!doctype html><html><body><h1>Index</h1><script src="/__roadmap-press/live.js"></script></body></html>');
  });

  it('serves other files as they are, with their type', async () => {
    const pdf = await get(`${server.url}a.pdf`);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body).toBe('%PDF-1.4 fake');
    expect((await get(`${server.url}sub/a%20b.html`)).body).toContain('A<script');
    expect((await get(`${server.url}__roadmap-press/live.js`)).body).toContain('new EventSource');
  });

  it('never serves a file outside its folder', async () => {
    const encoded = await get(`${server.url}..%2froadmap-press-secret.txt`);
    expect(encoded.status).toBe(403);
    // A dot-segment the URL parser resolves stays inside the folder: not found, never the secret.
    const dotted = await get(`${server.url}%2e%2e/roadmap-press-secret.txt`);
    expect(dotted.status).toBe(404);
    expect(dotted.body).toBe('Not found: /roadmap-press-secret.txt');
    expect((await get(`${server.url}nope.html`)).status).toBe(404);
  });

  it('streams events to open pages, and replays the last build error to new ones', async () => {
    const first = await openEvents();
    server.notify({ type: 'reload', pages: ['a b.html'] });
    server.notify({ type: 'build-error', message: 'content/x.md:3:1 error Bad' });
    const text = await first.until('event: build-error');
    first.close();
    expect(text).toContain('event: reload\ndata: {"pages":["a b.html"]}\n\n');
    expect(text).toContain('event: build-error\ndata: {"message":"content/x.md:3:1 error Bad"}\n\n');

    // A page that connects later hears of the error at once.
    const late = await openEvents();
    expect(await late.until('event: build-error')).toContain('data: {"message":"content/x.md:3:1 error Bad"}');
    late.close();
    server.notify({ type: 'build-ok' });
  });

  it('takes the next free port when the one asked for is busy', async () => {
    const other = await startDevServer({ root, port: server.port });
    try {
      expect(other.port).toBe(server.port + 1);
    } finally {
      await other.close();
    }
  });

  it('refuses a busy port when told to use exactly that one', async () => {
    await expect(startDevServer({ root, port: server.port, strictPort: true })).rejects.toThrow(
      `Port ${server.port} on 127.0.0.1 is in use`,
    );
  });
});

describe('injectLiveClient', () => {
  it('reads a policy written with character references, as templates write it', () => {
    const html = `<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; script-src &#x27;sha256-a&#x3D;&#x27;"><body></body>`;
    expect(injectLiveClient(html)).toContain(`content="default-src 'none'; script-src 'sha256-a=' 'self'; connect-src 'self'"`);
  });

  it("replaces a policy's 'none' rather than combining it with 'self'", () => {
    const html = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'"><body></body>`;
    expect(injectLiveClient(html)).toContain(`content="default-src 'none'; script-src 'self'; connect-src 'self'"`);
  });

  it("adds 'self' to a page's Content-Security-Policy for the script and its events", () => {
    const html = `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-abc'; style-src 'unsafe-inline'"></head><body></body></html>`;
    expect(injectLiveClient(html)).toBe(
      `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-abc' 'self'; style-src 'unsafe-inline'; connect-src 'self'"></head><body><script src="/__roadmap-press/live.js"></script></body></html>`,
    );
  });
});
