// Run a command and measure its wall time and the peak memory of its whole process tree
// (the tool itself plus any Chromium it starts), sampled from /proc. Memory is the sum of
// each process's PSS (proportional set size), so pages Chromium's processes share count once.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

function processTable() {
  const table = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.push({ pid: Number(entry), ppid: Number(fields[1]) });
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

function pssKiB(pid) {
  try {
    return Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function treeRss(root) {
  const table = processTable();
  const children = new Map();
  for (const row of table) children.set(row.ppid, [...(children.get(row.ppid) ?? []), row]);
  let total = 0;
  const stack = table.filter((row) => row.pid === root);
  while (stack.length > 0) {
    const row = stack.pop();
    total += pssKiB(row.pid);
    stack.push(...(children.get(row.pid) ?? []));
  }
  return total;
}

/**
 * Run `command args`; resolve with `{ ms, peakMiB, code, stderr }`. Memory is sampled (every 50 ms,
 * which costs CPU on a small machine) only with `sampleMemory`; otherwise `peakMiB` is null.
 */
export function measure(command, args, { cwd, env, timeoutMs = 15 * 60_000, sampleMemory = false } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let peak = 0;
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    const sampler = sampleMemory ? setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 50) : undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, peakMiB: sampleMemory ? peak / 1024 : null, code: code ?? signal, stderr });
    });
  });
}

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
