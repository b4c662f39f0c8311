import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './run-cli.js';

/** The seed roadmap with a start date (Monday 4 January 2027), as a Markdown string. */
export const seedWithStart = async (): Promise<string> => {
  const { readFile } = await import('node:fs/promises');
  const seed = await readFile(path.join(repoRoot, 'content/rust-backend.md'), 'utf8');
  return `---\nstart: 2027-01-04\n---\n\n${seed}`;
};

/**
 * A throw-away project folder: optionally a copy of a fixture project under
 * tests/fixtures/projects/, then the given files (path → content) on top.
 */
export async function makeProject(files: Record<string, string> = {}, fixture?: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'roadmap-press-project-'));
  if (fixture) await cp(path.join(repoRoot, 'tests/fixtures/projects', fixture), dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}
