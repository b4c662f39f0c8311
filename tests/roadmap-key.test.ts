import { describe, expect, it } from 'vitest';
import { toViewModel } from '../src/view/to-view-model.js';
import { roadmapKey } from '../src/view/roadmap-key.js';
import { processRoadmap } from '../src/pipeline/process-roadmap.js';

describe('the roadmap key (where the handout remembers progress)', () => {
  it('is a slug of the title', () => {
    expect(roadmapKey('Rust Learning Roadmap for Backend Development', {})).toBe('rust-learning-roadmap-for-backend-development');
    expect(roadmapKey('Ruta de aprendizaje: Rust (2027)', {})).toBe('ruta-de-aprendizaje-rust-2027');
    expect(roadmapKey('Rust 学习路线', {})).toBe('rust-学习路线');
  });

  it('is front matter `key` when given, slugged too', () => {
    expect(roadmapKey('A new title', { key: 'Rust Backend' })).toBe('rust-backend');
    expect(roadmapKey('A new title', { key: 2027 })).toBe('2027');
    expect(roadmapKey('A new title', { key: '  ' })).toBe('a-new-title');
    expect(roadmapKey('A new title', { key: ['x'] })).toBe('a-new-title');
  });

  it('is never empty', () => {
    expect(roadmapKey('!!!', {})).toBe('roadmap');
  });

  it('reaches templates as `key`', async () => {
    const { roadmap } = await processRoadmap('---\nkey: my-roadmap\n---\n# Renamed\n\n- item\n', 'r.md');
    expect(toViewModel(roadmap!, 'x').key).toBe('my-roadmap');
    const plain = await processRoadmap('# Renamed\n\n- item\n', 'r.md');
    expect(toViewModel(plain.roadmap!, 'x').key).toBe('renamed');
  });
});
