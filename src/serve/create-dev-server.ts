import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { RoadmapPressError } from '../shared/errors.js';
import { isAllowedHost } from './is-allowed-host.js';
import { eventsPath, liveClient, liveClientPath } from './live-client.js';

/** What the dev server tells open pages. */
export type ServerEvent =
  | { type: 'reload'; pages?: string[] }
  | { type: 'build-error'; message: string }
  | { type: 'build-ok' }
  | { type: 'pdf'; name: string; state: 'stale' | 'ready' | 'failed'; replay?: boolean };

export interface DevServerOptions {
  /** Folder to serve (the build's output folder). */
  root: string;
  /** Interface to listen on; `127.0.0.1` unless widened on purpose. */
  host?: string;
  /** Port to try first (default 4000); the next free one is taken when it is busy, unless `strictPort`. */
  port?: number;
  strictPort?: boolean;
}

export interface DevServer {
  url: string;
  port: number;
  /** Send an event to every open page. */
  notify(event: ServerEvent): void;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
  '.ics': 'text/calendar; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serve a build's output folder for live editing: static files (never a path
 * outside the folder), the live-reload script added to every HTML page as it
 * is served (the files on disk stay as built), and a server-sent events
 * stream. Binds to 127.0.0.1 unless told otherwise.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const root = path.resolve(options.root);
  const host = options.host ?? '127.0.0.1';
  const clients = new Set<http.ServerResponse>();
  let lastError: string | null = null;
  // Each PDF's last state this session, told again to a page that connects (it may have reloaded while its PDF was printed).
  const pdfStates = new Map<string, 'stale' | 'ready' | 'failed'>();

  const server = http.createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('Internal error');
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    // Every route, the event stream too: only requests that name this server (no DNS rebinding, no other sites).
    const origin = request.headers.origin;
    if (!isAllowedHost(request.headers.host ?? '', host) || (origin !== undefined && !isAllowedHost(origin, host))) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden: unexpected Host or Origin');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === eventsPath) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      if (lastError) response.write(format({ type: 'build-error', message: lastError }));
      for (const [name, state] of pdfStates) response.write(format({ type: 'pdf', name, state, replay: true }));
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (url.pathname === liveClientPath) {
      response.writeHead(200, { 'content-type': contentTypes['.js']!, 'cache-control': 'no-store' }).end(liveClient);
      return;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    } catch {
      response.writeHead(400).end('Bad request');
      return;
    }
    let file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) {
      response.writeHead(403).end('Forbidden');
      return;
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    // No dotfiles (the build cache, `.env` with `--out .`), nothing whose real path leads out of the folder.
    const hidden = path
      .relative(root, file)
      .split(path.sep)
      .some((part) => part.startsWith('.'));
    if (!info?.isFile() || hidden || !(await isInside(file, root))) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: ${url.pathname}`);
      return;
    }
    const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    if (type.startsWith('text/html')) {
      const html = injectLiveClient(await readFile(file, 'utf8'));
      response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : html);
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': info.size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  }

  const port = await listen(server, host, options.port ?? 4000, options.strictPort ?? false);
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    notify(event) {
      if (event.type === 'build-error') lastError = event.message;
      if (event.type === 'build-ok') lastError = null;
      if (event.type === 'pdf') pdfStates.set(event.name, event.state);
      const message = format(event);
      for (const client of clients) client.write(message);
    },
    async close() {
      clearInterval(heartbeat);
      for (const client of clients) client.end();
      clients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

/** Whether a file's real path (after symbolic links) is inside the served folder's. */
async function isInside(file: string, root: string): Promise<boolean> {
  // The folder is made by the first build, after the server starts: its real path is found each time.
  const [real, rootReal] = await Promise.all([realpath(file).catch(() => null), realpath(root).catch(() => root)]);
  return real?.startsWith(rootReal + path.sep) === true;
}

function format(event: ServerEvent): string {
  const { type, ...data } = event;
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Add the live-reload script to a served page. A page that declares a
 * Content-Security-Policy gets `'self'` added to its `script-src` and
 * `connect-src`, so the script and its event stream are allowed.
 */
export function injectLiveClient(html: string): string {
  const withPolicy = html.replace(
    /(<meta\s+http-equiv=["']content-security-policy["']\s+content=)(["'])(.*?)\2/i,
    (_, open: string, quote: string, policy: string) => `${open}${quote}${escapeAttribute(allowSelf(decodeAttribute(policy)))}${quote}`,
  );
  const tag = `<script src="${liveClientPath}"></script>`;
  return /<\/body>/i.test(withPolicy) ? withPolicy.replace(/<\/body>(?![\s\S]*<\/body>)/i, `${tag}</body>`) : `${withPolicy}${tag}`;
}

/** The character references templates write in attributes (Handlebars escapes `&<>"'\`=`). */
const references: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", '#x60': '`', '#x3D': '=' };

function decodeAttribute(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#x27|#39|#x60|#x3D);/g, (_, name: string) => references[name]!);
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function allowSelf(policy: string): string {
  const directives = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean);
  for (const name of ['script-src', 'connect-src']) {
    const index = directives.findIndex((directive) => directive.split(/\s+/)[0] === name);
    if (index === -1) {
      directives.push(`${name} 'self'`);
      continue;
    }
    // `'none'` cannot be combined with a source: it is replaced.
    const sources = directives[index]!.split(/\s+/)
      .slice(1)
      .filter((source) => source !== "'none'");
    if (!sources.includes("'self'")) sources.push("'self'");
    directives[index] = `${name} ${sources.join(' ')}`;
  }
  return directives.join('; ');
}

async function listen(server: http.Server, host: string, port: number, strict: boolean): Promise<number> {
  for (let candidate = port; candidate < port + 50; candidate += 1) {
    const result = await new Promise<number | NodeJS.ErrnoException>((resolve) => {
      const onError = (error: NodeJS.ErrnoException) => resolve(error);
      server.once('error', onError);
      server.listen(candidate, host, () => {
        server.off('error', onError);
        resolve((server.address() as AddressInfo).port);
      });
    });
    if (typeof result === 'number') return result;
    if (result.code !== 'EADDRINUSE' || strict) {
      throw new RoadmapPressError(
        result.code === 'EADDRINUSE'
          ? `Port ${candidate} on ${host} is in use`
          : `Cannot listen on ${host}:${candidate}: ${result.message}`,
      );
    }
  }
  throw new RoadmapPressError(`No free port on ${host} between ${port} and ${port + 49}`);
}
