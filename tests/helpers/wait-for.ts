import { existsSync, watch } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Resolves once `file` exists: told by the file system (a watch on its folder, which must exist), not by polling. */
export function waitForFile(file: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = watch(path.dirname(file));
    const done = (error?: Error) => {
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => done(new Error(`${file} did not appear within ${timeoutMs} ms`)), timeoutMs);
    watcher.on('change', () => existsSync(file) && done());
    watcher.on('error', (error) => done(error));
    // It may have appeared before the watch began.
    if (existsSync(file)) done();
  });
}

/** Resolves with the first match of `pattern` in what `stream` writes (from its start), as it is written. */
export function waitForOutput(stream: Readable, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk;
      const found = pattern.exec(text);
      if (found) finish(null, found);
    };
    const onEnd = () => finish(new Error(`the stream ended without ${pattern}: ${text}`));
    const finish = (error: Error | null, found?: RegExpExecArray) => {
      clearTimeout(timer);
      stream.off('data', onData);
      stream.off('end', onEnd);
      if (error) reject(error);
      else resolve(found!);
    };
    const timer = setTimeout(() => finish(new Error(`${pattern} did not appear within ${timeoutMs} ms: ${text}`)), timeoutMs);
    stream.on('data', onData);
    stream.on('end', onEnd);
  });
}
