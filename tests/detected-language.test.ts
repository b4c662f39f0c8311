import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject } from './helpers/make-project.js';
import { runCli } from './helpers/run-cli.js';

// A roadmap in Spanish without front matter `lang`: the language comes from its prose, in every command.
const spanish = [
  '# Plan de estudio de programación',
  '',
  'Este plan reúne lo que vamos a aprender juntos durante las próximas semanas, paso a paso y con mucha práctica.',
  '',
  '## Fase 1: Fundamentos (Semanas 1-2)',
  '',
  '- [ ] Instalar el entorno y escribir el primer programa en la consola',
  '- [ ] Entender las variables, los tipos de datos y las estructuras de control',
  '- [ ] Resolver cinco ejercicios cortos cada día antes de pasar al siguiente tema',
  '',
  '## Fase 2: Proyectos (Semanas 3-4)',
  '',
  '- [ ] Crear una calculadora sencilla y un juego de adivinanzas para practicar',
  '- [ ] Escribir pruebas para cada proyecto y documentar lo que aprendimos',
  '',
].join('\n');

let dir: string;

beforeAll(async () => {
  dir = await makeProject({ 'plan.md': spanish, 'with-config/plan.md': spanish, 'with-config/roadmap.config.json': '{ "lang": "de" }' });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const htmlLang = async (file: string) => /<html lang="([^"]+)"/.exec(await readFile(file, 'utf8'))?.[1];

describe('a roadmap without lang', () => {
  it('is built in the language of its prose (the config has no lang)', async () => {
    const result = await runCli(['build', 'plan.md', '--out', 'out', '--format', 'html', '-q'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(await htmlLang(path.join(dir, 'out/plan.html'))).toBe('es');
    // Spanish labels, not English ones.
    expect(await readFile(path.join(dir, 'out/plan.html'), 'utf8')).toContain('Semanas 1–2');
  });

  it('is inspected in that language too', async () => {
    const result = await runCli(['inspect', 'plan.md'], { cwd: dir });
    expect(result.stdout).toContain('language es');
  });

  it('takes the config lang over the detected one, and --lang over both', async () => {
    const cwd = path.join(dir, 'with-config');
    await runCli(['build', 'plan.md', '--out', 'out', '--format', 'html', '-q'], { cwd });
    expect(await htmlLang(path.join(cwd, 'out/plan.html'))).toBe('de');
    await runCli(['build', 'plan.md', '--out', 'out-fr', '--format', 'html', '-q', '--lang', 'fr'], { cwd });
    expect(await htmlLang(path.join(cwd, 'out-fr/plan.html'))).toBe('fr');
  });
});
