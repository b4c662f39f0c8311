import type { Blockquote, Heading, List, ListItem, Paragraph, Root, RootContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { RoadmapItem, RoadmapPhase, RoadmapSection, RoadmapTopic } from '../../model/roadmap.js';
import { isPhaseHeading } from '../classify-heading.js';
import { resolveSetting } from '../settings.js';

type Group = RoadmapPhase | RoadmapSection;

declare module 'mdast' {
  interface ListItemData {
    /** The model item made from this list item, for later plugins. */
    roadmapItem?: RoadmapItem;
  }
  interface TableRowData {
    /** The model item made from this table row, for later plugins. */
    roadmapItem?: RoadmapItem;
  }
}

/**
 * Turn the flat Markdown into the roadmap's structure (`file.data.roadmap`):
 * the H1 (or front matter `title`) is the title; an H2 is a phase or a
 * section; a `**Bold**` paragraph or an H3 starts a topic; every list item is
 * a checklist item. Items never get dropped: those before the first H2 sit in
 * an untitled section, those right under a heading in an untitled topic.
 */
const remarkRoadmapStructure: Plugin<[], Root> = () => (tree, file) => {
  const matter = file.data.matter ?? {};
  const phases: RoadmapPhase[] = [];
  const sections: RoadmapSection[] = [];
  const intro: string[] = [];
  let heading: string | null = null;
  let group: Group | null = null;
  let topic: RoadmapTopic | null = null;

  const openGroup = (node: Heading | null, at: number): Group => {
    const text = node ? headingText(node) : null;
    const line = node?.position?.start.line ?? at;
    topic = null;
    if (text !== null && isPhaseHeading(text)) {
      const phase: RoadmapPhase = { id: '', title: text, heading: text, weeks: null, ongoing: false, line, topics: [] };
      phases.push(phase);
      return phase;
    }
    const section: RoadmapSection = { id: '', title: text, line, topics: [] };
    sections.push(section);
    return section;
  };

  const openTopic = (title: string | null, note: string | null, line: number): RoadmapTopic => {
    group ??= openGroup(null, line);
    const next: RoadmapTopic = { id: '', title, note, line, items: [] };
    group.topics.push(next);
    return next;
  };

  const addList = (list: List) => {
    topic ??= openTopic(null, null, list.position?.start.line ?? 1);
    topic.items.push(...list.children.map(readItem));
  };

  /** A table's body rows are items; its header row names the topic's columns. */
  const addTable = (table: Table) => {
    const [header, ...rows] = table.children;
    if (!header) return;
    const line = table.position?.start.line ?? 1;
    if (topic === null || topic.items.length > 0 || topic.columns) topic = openTopic(null, null, line);
    const columns = header.children.map((cell) => plainText(cell));
    topic.columns = columns;
    topic.items.push(...rows.map((row) => readRow(row, columns.length)));
  };

  /** Lists and tables inside a blockquote (at any depth) belong to the enclosing topic. */
  const addQuoted = (quote: Blockquote) => {
    visit(quote, (node) => {
      if (node.type === 'list') addList(node);
      else if (node.type === 'table') addTable(node);
      else return undefined;
      return SKIP;
    });
  };

  const visitBlock = (node: RootContent) => {
    if (node.type === 'heading') {
      if (node.depth === 1 && heading === null) {
        heading = headingText(node);
      } else if (node.depth <= 2) {
        group = openGroup(node, 1);
      } else {
        topic = openTopic(headingText(node), null, node.position?.start.line ?? 1);
      }
    } else if (node.type === 'list') {
      addList(node);
    } else if (node.type === 'table') {
      addTable(node);
    } else if (node.type === 'blockquote') {
      addQuoted(node);
    } else if (node.type === 'paragraph') {
      const topicTitle = readTopicTitle(node);
      if (topicTitle) {
        topic = openTopic(topicTitle.title, topicTitle.note, node.position?.start.line ?? 1);
      } else if (group === null) {
        intro.push(plainText(node));
      }
    }
  };

  for (const node of tree.children) visitBlock(node);

  file.data.roadmap = {
    title: matter.title ?? heading ?? file.stem ?? 'Roadmap',
    lang: resolveSetting('lang', file.data.settings ?? {}, matter) ?? 'en',
    description: matter.description ?? (intro.length > 0 ? intro.join('\n\n') : null),
    meta: { ...matter },
    phases,
    sections,
    diagnostics: [],
  };
  if (!matter.title && heading === null && String(file.value).trim() !== '') {
    file.message('Missing title, expected an H1 (`# Title`) or front matter `title`', {
      place: { line: 1, column: 1 },
      ruleId: 'missing-title',
      source: 'roadmap-press',
    });
  }
};

export default remarkRoadmapStructure;

function readItem(node: ListItem): RoadmapItem {
  const content = node.children.filter((child) => child.type !== 'list');
  const item: RoadmapItem = {
    id: '',
    text: content.map(plainText).join(' ').trim(),
    html: '',
    week: null,
    checked: false,
    line: node.position?.start.line ?? 0,
    children: node.children.flatMap((child) => (child.type === 'list' ? child.children.map(readItem) : [])),
  };
  node.data = { ...node.data, roadmapItem: item };
  return item;
}

function readRow(row: TableRow, columns: number): RoadmapItem {
  const [first, ...rest] = row.children.map((cell) => plainText(cell));
  const task = /^\[([ xX])\]\s*/.exec(first ?? '');
  const item: RoadmapItem = {
    id: '',
    text: task ? first!.slice(task[0].length) : (first ?? ''),
    html: '',
    week: null,
    checked: task !== null && task[1] !== ' ',
    line: row.position?.start.line ?? 0,
    children: [],
    cells: Array.from({ length: Math.max(0, columns - 1) }, (_, index) => rest[index] ?? ''),
  };
  row.data = { ...row.data, roadmapItem: item };
  return item;
}

/** `**Title**`, `**Title**:`, `**Title** (note)` or `**Title** (note):` → title and note. */
function readTopicTitle(node: Paragraph): { title: string; note: string | null } | null {
  const [first, ...rest] = node.children;
  if (first?.type !== 'strong') return null;
  const title = plainText(first).replace(/\s*:$/, '');
  const tail = rest
    .map((child) => toString(child))
    .join('')
    .trim();
  if (title === '') return null;
  if (tail === '' || tail === ':') return { title, note: null };
  const note = /^:?\s*\(([\s\S]*)\)\s*:?$/.exec(tail);
  return note ? { title, note: collapse(note[1]!) || null } : null;
}

function headingText(node: Heading): string {
  return plainText(node);
}

function plainText(node: RootContent | Heading | TableRow['children'][number]): string {
  return collapse(toString(node));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
