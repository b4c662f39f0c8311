import { spawn } from 'node:child_process';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { makeProject } from './helpers/make-project.js';
import { cliPath } from './helpers/run-cli.js';

const aliases = `---\nbase: &b [1, 2, 3]\n${Array.from({ length: 60 }, (_, index) => `k${index}: *b`).join('\n')}\n---\n\n# Aliases\n\n- item\n`;

describe('serve with a hostile roadmap', () => {
  it('the page overlay gets the positioned diagnostic, not a stack trace; the other roadmap is served', async () => {
    const cwd = await makeProject({ 'content/good.md': '# Good\n\n- item\n', 'content/aliases.md': aliases });
    const child = spawn(process.execPath, [cliPath, 'serve', '--port', '0', '--format', 'html'], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    });
    try {
      let stderr = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk;
          const found = /Serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
          if (found) resolve(found[1]!);
        });
        child.on('exit', () => reject(new Error(`serve ended: ${stderr}`)));
      });
      // A page opened after the build gets its last error replayed on the event stream.
      const overlay = await new Promise<string>((resolve, reject) => {
        http
          .get(`${url}__roadmap-press/events`, (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => {
              body += chunk;
              const event = /event: build-error\ndata: (.*)\n/.exec(body);
              if (event) {
                resolve((JSON.parse(event[1]!) as { message: string }).message);
                response.destroy();
              }
            });
          })
          .on('error', reject);
      });
      expect(overlay).toBe(
        'content/aliases.md:2:1 error Unexpected YAML aliases in front matter expanding too far, expected at most 50 alias expansions [front-matter]',
      );
      expect(stderr).not.toMatch(/^\s+at /m);
      const good = await new Promise<number>((resolve, reject) => {
        http.get(`${url}good.html`, (response) => resolve(response.statusCode ?? 0)).on('error', reject);
      });
      expect(good).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode === null ? child.on('exit', resolve) : resolve(null)));
    }
  }, 60_000);
});
