import { describe, expect, it } from 'vitest';
import { createIdRegistry, slugify } from '../src/shared/create-item-id.js';

describe('slugify', () => {
  it.each<[text: string, slug: string]>([
    ['Your first "Hello, World!" program', 'your-first-hello-world-program'],
    ['Box<T> for heap allocation', 'boxt-for-heap-allocation'],
    ['Borrowing and references (&T and &mut T)', 'borrowing-and-references-t-and-mut-t'],
    ['Authentication & Authorization', 'authentication-authorization'],
    ['Rust — the language', 'rust-the-language'],
    ['C++ / C# / F#', 'c-c-f'],
    ['🦀 Ferris', 'ferris'],
    ['Émile Zola café', 'émile-zola-café'],
    ['Изучение владения и заимствования', 'изучение-владения-и-заимствования'],
    ['所有権と借用', '所有権と借用'],
    ['', ''],
    ['   ', ''],
    ['!!!', ''],
    ['---', ''],
  ])('slugifies %j as %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('cuts a long slug at the last word boundary within the limit', () => {
    const text = 'Understanding the Rust toolchain (rustc, cargo, rustup) and much more text here';
    expect(slugify(text)).toBe('understanding-the-rust-toolchain-rustc-cargo');
    expect(slugify(text, 10)).toBe('understand');
    expect(slugify('Supercalifragilisticexpialidocious-antidisestablishmentarianism words')).toBe('supercalifragilisticexpialidocious');
  });

  it('keeps a whole word that ends exactly at the limit', () => {
    const words = Array.from({ length: 8 }, () => 'abcdef').join(' ');
    expect(slugify(words)).toBe(Array.from({ length: 7 }, () => 'abcdef').join('-'));
    expect(slugify(words)).toHaveLength(48);
  });

  it('cuts a single long word hard when no boundary is near the limit', () => {
    expect(slugify('a'.repeat(60))).toBe('a'.repeat(48));
    expect(slugify(`${'a'.repeat(30)} ${'b'.repeat(30)}`, 20)).toBe('a'.repeat(20));
  });

  it('never returns more than the limit, nor stray or doubled hyphens', () => {
    const texts = [
      'Understanding the Rust toolchain (rustc, cargo, rustup) and much more text here',
      'Choose one to start: Axum, Actix-web, or Rocket — then build a small service end to end',
      `${'x'.repeat(47)} - - - y`,
      'Изучение владения и заимствования в языке программирования Rust для начинающих',
    ];
    for (const text of texts) {
      for (const max of [8, 16, 32, 48]) {
        const slug = slugify(text, max);
        expect(slug.length, `${text} @ ${max}`).toBeLessThanOrEqual(max);
        expect(slug, `${text} @ ${max}`).not.toMatch(/^-|-$|--/);
        expect(slug, `${text} @ ${max}`).not.toBe('');
      }
    }
  });
});

describe('createIdRegistry', () => {
  it('numbers repeated ids from -2 on', () => {
    const uniqueId = createIdRegistry();
    expect(['a', 'a', 'b', 'a'].map(uniqueId)).toEqual(['a', 'a-2', 'b', 'a-3']);
  });

  it('hands out unique ids even when a base looks like a numbered id', () => {
    const bases = ['a', 'a', 'a-2', 'a', 'a-2-2', 'a-3', 'b', 'a'];
    const ids = bases.map(createIdRegistry());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('a');
    expect(ids[1]).toBe('a-2');
    for (const [index, id] of ids.entries()) expect(id.startsWith(bases[index]!)).toBe(true);
  });

  it('is deterministic and keeps no state between registries', () => {
    const bases = ['x', 'x-2', 'x', 'y', 'x', 'x-3', 'y'];
    expect(bases.map(createIdRegistry())).toEqual(bases.map(createIdRegistry()));
  });
});
