import { existsSync } from 'node:fs';
import { open, readdir, readFile, rm, rmdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { toFsError } from '../shared/describe-fs-error.js';
import { displayPath } from '../shared/display-path.js';
import { RoadmapPressError } from '../shared/errors.js';
import { makeFolder } from '../shared/make-folder.js';

/** The lock file, inside the output folder, while a build writes into it. */
export const lockFile = '.roadmap-press.lock';

/** Who holds a lock: written into the lock file as JSON. */
interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

/** Builds of this process, per output folder: a second one waits for the first. */
const inProcess = new Map<string, Promise<unknown>>();

/**
 * Take the output folder for one build: builds of this process take turns;
 * another live process holding the folder is an error naming it; the lock
 * of a process that is gone (killed) is taken over, and the temporary files
 * it left behind are removed. Returns the function that releases it.
 */
export async function lockOutputFolder(out: string): Promise<() => Promise<void>> {
  const previous = inProcess.get(out) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const turn = previous.then(() => mine);
  inProcess.set(out, turn);
  await previous;
  // A build that writes nothing leaves no folder behind: one made only for the lock goes with it.
  const made = !existsSync(out);
  try {
    await takeLock(out);
    await removeLeftovers(out);
  } catch (error) {
    release();
    if (inProcess.get(out) === turn) inProcess.delete(out);
    throw error;
  }
  return async () => {
    await rm(path.join(out, lockFile), { force: true }).catch(() => undefined);
    if (made) await rmdir(out).catch(() => undefined);
    release();
    if (inProcess.get(out) === turn) inProcess.delete(out);
  };
}

async function takeLock(out: string): Promise<void> {
  const file = path.join(out, lockFile);
  await makeFolder(out).catch((error: unknown) => {
    throw toFsError('create the output folder', out, error);
  });
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const handle = await open(file, 'wx').catch((error: NodeJS.ErrnoException) => error);
    if (!(handle instanceof Error)) {
      await handle.writeFile(`${JSON.stringify(owner)}\n`).finally(() => handle.close());
      return;
    }
    if (handle.code !== 'EEXIST') throw toFsError('lock the output folder', file, handle);
    const holder = await readOwner(file);
    if (holder && isAlive(holder)) {
      throw new RoadmapPressError(
        `${displayPath(out)} is being built by another roadmap-press (process ${holder.pid} on ${holder.host}, since ${holder.started}): wait for it to finish, or remove ${displayPath(file)} if that process is gone`,
      );
    }
    // A lock left by a process that is gone (or unreadable, half-written): take it over.
    await rm(file, { force: true });
  }
  throw new RoadmapPressError(`Cannot lock ${displayPath(out)}: another build keeps taking it`);
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    return typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.started === 'string'
      ? (value as LockOwner)
      : null;
  } catch {
    return null;
  }
}

/** Whether the lock's process still runs (on another machine, sharing the folder: assumed so). */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files of `writeAtomic` (`.NAME.PID.HEX.tmp`) whose process is gone: what a killed build left. */
const leftover = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

async function removeLeftovers(out: string): Promise<void> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const match = leftover.exec(entry.name);
    if (!match || !entry.isFile()) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && isAlive({ pid, host: os.hostname(), started: '' })) continue;
    await rm(path.join(entry.parentPath, entry.name), { force: true });
  }
}
