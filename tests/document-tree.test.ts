import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { createProcessor } from '../src/pipeline/create-processor.js';
import { findItemElements } from '../src/pipeline/find-item-elements.js';
import { processRoadmap } from '../src/pipeline/process-roadmap.js';
import type { RoadmapItem } from '../src/model/roadmap.js';
import { findUrlLines } from '../src/site/find-url-lines.js';

const source = `# Tree

## Phase 1: Start (Weeks 1-2)

- [x] Read *the* [book](https://doc.rust-lang.org/book/)
- [ ] Write
  a second line with \`code\`
  - Nested [child](https://example.com/child)
- Item with a block
  \`\`\`
  let x = 1;
  \`\`\`

1. Loose first paragraph

   loose second paragraph

2. Loose second item

| Task | Week |
| --- | --- |
| [x] Row **one** | 1 |
`;

function items(roadmap: { phases: { topics: { items: RoadmapItem[] }[] }[] }): RoadmapItem[] {
  const flatten = (list: RoadmapItem[]): RoadmapItem[] => list.flatMap((item) => [item, ...flatten(item.children)]);
  return roadmap.phases.flatMap((phase) => phase.topics.flatMap((topic) => flatten(topic.items)));
}

describe('one document tree per roadmap', () => {
  it('cuts each item’s inline HTML from the sanitized tree: no checkbox, no nested items, blocks joined by a space', async () => {
    const { roadmap, tree } = await processRoadmap(source, 'tree.md');
    expect(tree?.type).toBe('root');
    expect(items(roadmap!).map((item) => item.html)).toEqual([
      'Read <em>the</em> <a href="https://doc.rust-lang.org/book/">book</a>',
      'Write\na second line with <code>code</code>',
      'Nested <a href="https://example.com/child">child</a>',
      'Item with a block let x = 1;',
      'Loose first paragraph loose second paragraph',
      'Loose second item',
      'Row <strong>one</strong>',
    ]);
  });

  it('carries every item’s id on its element (prefixed by the sanitizer) and keeps source positions', async () => {
    const { roadmap, tree } = await processRoadmap(source, 'tree.md');
    const elements = findItemElements(tree as Root);
    const ids = items(roadmap!).map((item) => item.id);
    expect([...elements.keys()].sort()).toEqual([...ids].sort());
    const row = elements.get(ids.at(-1)!) as Element;
    expect(row.tagName).toBe('td');
    expect(row.position?.start.line).toBe(22);
    expect(selectAll('li[id^="user-content-"]', tree as Root)).toHaveLength(6);
  });

  it('gives the source line of each URL from the tree’s positions, a continuation line’s own line included', async () => {
    const { tree } = await processRoadmap(source, 'tree.md');
    const lines = findUrlLines(findItemElements(tree as Root));
    expect(lines['https://doc.rust-lang.org/book/']).toBe(5);
    expect(lines['https://example.com/child']).toBe(8);
  });

  it('sanitizes after every rehype plugin: what a plugin adds that is unsafe never reaches an item', async () => {
    const addScript = () => (tree: Root) => {
      for (const node of selectAll('li', tree)) {
        node.children.push(
          { type: 'element', tagName: 'script', properties: {}, children: [{ type: 'text', value: 'alert(1)' }] },
          {
            type: 'element',
            tagName: 'a',
            properties: { href: 'javascript:alert(2)', onClick: 'x()' },
            children: [{ type: 'text', value: 'go' }],
          },
        );
      }
    };
    const processor = createProcessor({ rehype: [{ name: 'add-script', plugin: addScript }] });
    const { roadmap } = await processRoadmap('# T\n\n## Phase 1 (Week 1)\n\n- one\n', 't.md', {}, processor);
    expect(items(roadmap!).map((item) => item.html)).toEqual(['one<a>go</a>']);
  });
});
