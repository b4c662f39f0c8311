// Deterministic benchmark corpus: seed-sized roadmaps, a small class and a 5,000-item roadmap.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A small seeded PRNG (mulberry32): the same corpus on every machine. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subjects = ['Rust', 'Go', 'TypeScript', 'Python', 'Kotlin', 'Elixir', 'SQL', 'Linux', 'Networking', 'Security'];

/** A seed-sized roadmap (6 dated phases, a tips section, ~134 items), varied by `index`. */
function seedSized(seedText, index) {
  const subject = subjects[index % subjects.length];
  const next = random(index + 1);
  let counter = 0;
  return seedText
    .replace(/^# .*$/m, `# ${subject} Learning Roadmap #${index + 1}`)
    .replace(
      /^(\s*(?:-|\d+\.) )(.+)$/gm,
      (_, marker, text) => `${marker}${text} (${subject} ${++counter}${next() < 0.2 ? ', revisit' : ''})`,
    );
}

/** A roadmap of `items` items in phases of 100. */
function large(items) {
  const lines = ['# A Very Large Roadmap', '', 'Generated for benchmarks.', ''];
  const phases = Math.ceil(items / 100);
  for (let phase = 0; phase < phases; phase += 1) {
    lines.push(`## Phase ${phase + 1}: Block ${phase + 1} (Weeks ${phase * 2 + 1}-${phase * 2 + 2})`, '');
    for (let topic = 0; topic < 5; topic += 1) {
      lines.push(`**Topic ${phase + 1}.${topic + 1}**`, '');
      for (let item = 0; item < 20 && phase * 100 + topic * 20 + item < items; item += 1) {
        lines.push(`- Item ${phase + 1}.${topic + 1}.${item + 1}: practise \`code\` and read about topic ${item}`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}

/** The steps of the size ladder, in copies of the seed roadmap. */
export const ladderCopies = [50, 100, 200, 400];

/** Write the corpus under `dir`; returns the folders by case. */
export async function makeCorpus(dir, seedFile) {
  const seedText = await readFile(seedFile, 'utf8');
  await rm(dir, { recursive: true, force: true });
  const folders = {};
  const write = async (name, count, make) => {
    const folder = path.join(dir, name);
    await mkdir(folder, { recursive: true });
    for (let index = 0; index < count; index += 1) {
      await writeFile(path.join(folder, `roadmap-${String(index + 1).padStart(4, '0')}.md`), make(index));
    }
    folders[name] = folder;
  };
  await write('one', 1, (index) => seedSized(seedText, index));
  await write('class-20', 20, (index) => seedSized(seedText, index));
  await write('school-100', 100, (index) => seedSized(seedText, index));
  await write('html-1000', 1000, (index) => seedSized(seedText, index));
  await write('large-5000', 1, () => large(5000));
  // The size ladder: one roadmap, the seed repeated 50, 100, 200 and 400 times.
  for (const copies of ladderCopies) await write(`ladder-${copies}`, 1, () => Array.from({ length: copies }, () => seedText).join('\n'));
  return folders;
}
