import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../src/serve/create-dev-server.js';
import { isAllowedHost } from '../src/serve/is-allowed-host.js';

let root: string;
let server: DevServer;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-serve-safety-'));
  root = path.join(dir, 'output');
  await mkdir(path.join(root, '.hidden'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<html><body>Index</body></html>');
  await writeFile(path.join(root, '.roadmap-press-cache.json'), '{"entries":{"a":{"source":"/home/me/secret/path.md"}}}');
  await writeFile(path.join(root, '.env'), 'TOKEN=secret');
  await writeFile(path.join(root, '.hidden/page.html'), '<p>hidden</p>');
  await mkdir(path.join(dir, 'outside'));
  await writeFile(path.join(dir, 'outside/secret.txt'), 'outside secret');
  await symlink(path.join(dir, 'outside/secret.txt'), path.join(root, 'leak.txt'));
  await symlink(path.join(dir, 'outside'), path.join(root, 'folder'));
  server = await startDevServer({ root, port: 0 });
});

afterAll(async () => {
  await server.close();
});

/** A GET with the given headers; the response status and the start of the body. */
function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port: server.port, path: pathname, headers }, (response) => {
      let body = '';
      // The event stream never ends: its first bytes are enough.
      response.on('data', (chunk: Buffer) => {
        body += chunk;
        if (pathname.includes('events')) {
          resolve({ status: response.statusCode ?? 0, body });
          request.destroy();
        }
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
}

describe('the dev server answers only to itself', () => {
  it('serves with loopback Host headers, and the Host it listens on', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `[::1]:${server.port}`]) {
      expect((await get('/', { host })).status, host).toBe(200);
    }
  });

  it('refuses any other Host (DNS rebinding) or Origin, the event stream too', async () => {
    for (const host of [`evil.example:${server.port}`, 'attacker.test', `127.0.0.1.nip.io:${server.port}`]) {
      const response = await get('/', { host });
      expect(response, host).toEqual({ status: 403, body: 'Forbidden: unexpected Host or Origin' });
    }
    expect((await get('/', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await get('/', { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
    expect((await get('/__roadmap-press/events', { host: 'evil.example' })).status).toBe(403);
  });

  it('serves no dotfile and nothing a symbolic link leads to outside the folder', async () => {
    for (const pathname of ['/.roadmap-press-cache.json', '/.env', '/.hidden/page.html', '/%2Eenv', '/leak.txt', '/folder/secret.txt']) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(404);
      expect(response.body, pathname).not.toMatch(/outside secret|TOKEN=|<p>hidden|\/home\/me/);
    }
  });

  it('with --host, that host is allowed too; on every interface, IP addresses but never other names', () => {
    expect(isAllowedHost('studybox.lan:4000', 'studybox.lan')).toBe(true);
    expect(isAllowedHost('other.lan:4000', 'studybox.lan')).toBe(false);
    expect(isAllowedHost('192.168.1.20:4000', '0.0.0.0')).toBe(true);
    expect(isAllowedHost('[fe80::1]:4000', '::')).toBe(true);
    expect(isAllowedHost('rebind.attacker.test:4000', '0.0.0.0')).toBe(false);
    expect(isAllowedHost('http://192.168.1.20:4000', '0.0.0.0')).toBe(true);
    expect(isAllowedHost('http://user@localhost:4000', '127.0.0.1')).toBe(false);
    expect(isAllowedHost('', '127.0.0.1')).toBe(false);
  });
});
