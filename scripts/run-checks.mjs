// Runs the npm scripts named on the command line at once (`npm test` runs lint, the import check, the
// compile and the typecheck side by side: each is single-threaded, and two cores do two at a time),
// prints each one's output when it ends, and exits non-zero if any failed, naming which.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = await Promise.all(
  names.map(
    (name) =>
      new Promise((resolve) => {
        const child = spawn(npm, ['run', name, '--silent'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('error', (error) => resolve({ name, code: 1, output: `${output}${error.message}\n` }));
        child.on('close', (code, signal) => {
          if (output) process.stderr.write(output);
          resolve({ name, code: code ?? (signal ? 1 : 0), output });
        });
      }),
  ),
);
const failed = results.filter((result) => result.code !== 0).map((result) => result.name);
if (failed.length > 0) {
  console.error(`npm test: ${failed.join(', ')} failed`);
  process.exit(1);
}
