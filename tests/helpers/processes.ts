import { readFileSync, readdirSync } from 'node:fs';

interface ProcessInfo {
  pid: number;
  ppid: number;
  state: string;
  command: string;
}

function readProcess(pid: number): ProcessInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may contain spaces and parentheses.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    return { pid, ppid: Number(rest[1]), state: rest[0] ?? '?', command };
  } catch {
    return null;
  }
}

/** Every live process below `root` (children, grandchildren…), from /proc. */
export function descendants(root: number): ProcessInfo[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((info): info is ProcessInfo => info !== null);
  const found: ProcessInfo[] = [];
  const parents = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const info of all) {
      if (parents.has(info.ppid) && !parents.has(info.pid)) {
        parents.add(info.pid);
        found.push(info);
        grew = true;
      }
    }
  }
  return found;
}

/** Whether `pid` is still running (a zombie waiting to be reaped counts as gone). */
export function isRunning(pid: number): boolean {
  const info = readProcess(pid);
  return info !== null && info.state !== 'Z' && info.state !== 'X';
}

/** Chromium's browser processes (the ones puppeteer talks to over a pipe) started by `root`. */
export function browserProcesses(root: number): ProcessInfo[] {
  return descendants(root).filter((info) => info.ppid === root && info.command.includes('--remote-debugging-pipe'));
}

/** How many threads this process has now (worker threads included), from /proc. */
export function threadCount(): number {
  return readdirSync('/proc/self/task').length;
}

/**
 * Resolves once none of `pids` is running. They are not this process's
 * children, so there is no exit event to hear: /proc is read until they are
 * gone (Chromium's helpers end a moment after its browser process).
 */
export async function waitForExit(pids: number[], timeoutMs = 30_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (pids.some(isRunning)) {
    if (performance.now() > until) throw new Error(`processes ${pids.filter(isRunning).join(', ')} still run after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
