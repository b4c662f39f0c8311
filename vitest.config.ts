import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most test files spend their time waiting on Chromium and on the CLI in child processes, so one
    // more worker than cores keeps both cores busy (vitest's default, cores - 1, is one worker on 2 cores:
    // the full suite took about 2.6 times as long).
    maxWorkers: os.availableParallelism() + 1,
    // Test files share a worker's loaded modules instead of importing the pipeline afresh for each file
    // (several seconds per file); every test makes its own folders, processes and printers.
    isolate: false,
    // The in-process model tests allocate many short-lived trees: the young generation the CLI runs with
    // (`--max-semi-space-size=64`, its shebang) collects them less often (about 12% less CPU for the model tests).
    execArgv: ['--max-semi-space-size=64'],
  },
});
