import type { Blockquote, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { RoadmapItem, RoadmapPhase, RoadmapSection, RoadmapTopic } from '../../model/roadmap.js';
import { isCheckpointHeading, isPhaseByWords, isPhaseHeading } from '../classify-heading.js';
import { detectLanguage } from '../detect-language.js';
import type { Timing } from '../file-data.js';
import { findPhaseDepth, readHeadingTime } from '../find-phase-depth.js';
import { contentsHeading, isLegend, isNavigationTable, isTableOfContents } from '../is-navigation-list.js';
import { isGuidanceLabel } from '../is-guidance-label.js';
import { isPromptList } from '../is-prompt-list.js';
import { defaultWeeksPerMonth, parseWeekRange } from '../parse-week-range.js';
import { readTick } from '../read-tick.js';
import { resolveSetting } from '../../model/settings.js';
import { splitLines } from '../split-lines.js';
import { collapseSpace } from '../collapse-space.js';
import { promoteTimeLines } from '../promote-time-lines.js';

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

/** A line that is only a link or a URL. */
const linkLine = /^(?:<?https?:\/\/\S+>?|\[[^\]]*\]\([^)]*\))$/u;

/**
 * Turn the flat Markdown into the roadmap's structure (`file.data.roadmap`):
 * the first H1 (or front matter `title`) is the title, unless it names a
 * table of contents; the heading level that carries the time or phase
 * notation is the phase level (see find-phase-depth.ts): its headings, and
 * shallower ones, are phases or sections; deeper headings, one-day entries
 * (`Day 3`, `2025-07-01`), checkpoints after a phase and `**Bold**` lines are
 * topics; every list item and table row is a checklist item. A heading or
 * bold line that is only a notation (`## Weeks 1-2` right under
 * `## Module 1`) is the time of the heading above it. Tables of contents and
 * legends are navigation, not items; text-only parts of phases and dated
 * entries become one item a line. Items never get dropped: those before the
 * first heading sit in an untitled section, those right under a heading in
 * an untitled topic.
 */
const remarkRoadmapStructure: Plugin<[], Root> = () => (tree, file) => {
  const matter = file.data.matter ?? {};
  const timing: Timing = { text: new Map(), parent: new Map(), pinned: new Map() };
  const itemNodes: (ListItem | TableRow)[] = [];
  const weeksPerMonth = resolveSetting('weeksPerMonth', file.data.settings ?? {}, matter) ?? defaultWeeksPerMonth;
  const source = file.toString().split('\n');
  const phases: RoadmapPhase[] = [];
  const sections: RoadmapSection[] = [];
  const intro: string[] = [];
  const titleNode = findTitle(tree, source);
  const phaseTable = findPhaseTable(tree);
  // The title is the heading's words: a logo's alt text is not part of it.
  const heading = titleNode
    ? dropShortcodes(collapseSpace(toString(titleNode, { includeImageAlt: false }))) || headingText(titleNode)
    : null;
  const times = readNotationLines(tree, titleNode);
  promoteTimeLines(tree, times.merged);
  const depth = findPhaseDepth(
    tree.children.flatMap((node) =>
      node.type === 'heading' && node !== titleNode && !times.merged.has(node) ? [{ depth: node.depth, text: times.of(node) }] : [],
    ),
  );
  const kindOf = (node: Heading) => (node === titleNode ? 'title' : node.depth <= depth ? 'group' : 'topic');
  splitTextOnlyScopes(tree, kindOf, times.of, depth);

  let group: Group | null = null;
  let topic: RoadmapTopic | null = null;
  /** Heading topics still open, by depth, for nesting. */
  let openTopics: { depth: number; topic: RoadmapTopic }[] = [];
  let label: string | null = null;

  const openGroup = (node: Heading): Group => {
    const text = headingText(node);
    const line = node.position?.start.line ?? 1;
    topic = null;
    openTopics = [];
    // A phase names itself (`Phase 2`) or its time: weeks, a day, or, at the phases' own level, how long it lasts
    // (`## Basics (2 weeks)`; a `## Goals (3 months)` above `### Phase 1` is not one).
    const time = readHeadingTime(times.of(node));
    if (phaseTable === null && (isPhaseHeading(times.of(node)) || time === 'day' || (time === 'range' && node.depth === depth))) {
      const phase: RoadmapPhase = { id: '', title: text, heading: text, weeks: null, ongoing: false, line, topics: [] };
      timing.text.set(phase, times.of(node));
      phases.push(phase);
      return phase;
    }
    const section: RoadmapSection = { id: '', title: text, line, topics: [] };
    sections.push(section);
    return section;
  };

  const openTopic = (title: string | null, note: string | null, line: number, parent: RoadmapTopic | null = null): RoadmapTopic => {
    group ??= openUntitled(line);
    const next: RoadmapTopic = { id: '', title, note, line, items: [] };
    if (parent) timing.parent.set(next, parent);
    group.topics.push(next);
    return next;
  };

  const openUntitled = (line: number): Group => {
    const section: RoadmapSection = { id: '', title: null, line, topics: [] };
    sections.push(section);
    return section;
  };

  const openHeadingTopic = (node: Heading) => {
    const text = headingText(node);
    openTopics = openTopics.filter((open) => open.depth < node.depth);
    const parent = openTopics.at(-1)?.topic ?? null;
    topic = openTopic(text, null, node.position?.start.line ?? 1, parent);
    timing.text.set(topic, times.of(node));
    openTopics.push({ depth: node.depth, topic });
  };

  const addList = (list: List) => {
    if (isTableOfContents(list) || isLegend(list, label) || isPromptList(list)) return;
    topic ??= openTopic(null, null, list.position?.start.line ?? 1, openTopics.at(-1)?.topic ?? null);
    if (label !== null && isGuidanceLabel(label)) {
      // What each lesson contains, how to use the repository: kept as the topic's note, never tasks.
      topic.note ??= list.children.map((item) => plainText(item)).join(' · ');
      return;
    }
    topic.items.push(...list.children.map((item) => readItem(item, file, itemNodes)));
  };

  /** A table's body rows are items; its header row names the topic's columns; a week or day column dates its rows. */
  /** Each row of the phase table is a phase: its first cell names it, its week column dates it. */
  const addPhaseRows = (table: Table) => {
    const [header, ...rows] = table.children;
    const headers = (header?.children ?? []).map((cell) => plainText(cell));
    const timeColumn = headers.findIndex(isTimeHeader);
    for (const row of rows) {
      const title = plainText(row.children[0] ?? row);
      const written = plainText(row.children[timeColumn] ?? row);
      const line = row.position?.start.line ?? 1;
      const phase: RoadmapPhase = { id: '', title, heading: title, weeks: null, ongoing: false, line, topics: [] };
      timing.text.set(phase, `${title} (${/^\d/.test(written) ? `${unitWordOf(headers[timeColumn]!)} ${written}` : written})`);
      phases.push(phase);
    }
    group = null;
    topic = null;
  };

  const addTable = (table: Table) => {
    if (table === phaseTable) return addPhaseRows(table);
    const [header, ...all] = table.children;
    if (!header || isNavigationTable(table)) return;
    // GFM reads a line without pipes right after a table as one more row: it is not one.
    const spill = all.findIndex((row) => !(source[(row.position?.start.line ?? 1) - 1] ?? '|').includes('|'));
    const rows = spill === -1 ? all : all.slice(0, spill);
    const line = table.position?.start.line ?? 1;
    if (topic === null || topic.items.length > 0 || topic.columns) topic = openTopic(null, null, line, openTopics.at(-1)?.topic ?? null);
    const headers = header.children.map((cell) => plainText(cell));
    const timeColumn = headers.findIndex(isTimeHeader);
    const textColumn = timeColumn === 0 && headers.length > 1 ? 1 : 0;
    const order = [textColumn, ...headers.keys()].filter((index, position) => position === 0 || index !== textColumn);
    topic.columns = order.map((index) => headers[index]!);
    for (const row of rows) {
      const item = readRow(row, order, itemNodes);
      topic.items.push(item);
      const cell = timeColumn === -1 ? undefined : row.children[timeColumn];
      if (cell) {
        const written = plainText(cell);
        timing.pinned.set(item, /^\d/.test(written) ? `${unitWordOf(headers[timeColumn]!)} ${written}` : written);
      }
    }
    for (const row of spill === -1 ? [] : all.slice(spill)) {
      const text = plainText(row);
      const bold = row.children[0]?.children[0];
      if (bold?.type === 'strong' && row.children[0]!.children.length <= 2) {
        topic = openTopic(text.replace(/\s*:$/, ''), null, row.position?.start.line ?? line, openTopics.at(-1)?.topic ?? null);
      } else if (text !== '') {
        topic = openTopic(null, null, row.position?.start.line ?? line);
        topic.items.push(readRow(row, [0], itemNodes));
      }
    }
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
      label = headingText(node);
      if (times.merged.has(node)) return;
      const kind = kindOf(node);
      if (kind === 'title') return;
      // A table of contents before the roadmap's first part is navigation: it opens nothing.
      if (group === null && contentsHeading.test(headingText(node))) return;
      const afterPhase = group !== null && 'heading' in group && belongsToPhase(times.of(node), node.depth < depth);
      const owner = kind === 'group' && !afterPhase ? ownerOfCheckpoint(times.of(node), phases, timing, weeksPerMonth) : null;
      if (owner) {
        // `### Week 4 Checkpoint` under `## Assessments`: a checkpoint of the phase that holds week 4; the empty container heading goes.
        const container = group?.topics.at(-1);
        if (container && container.items.length === 0 && openTopics.some((open) => open.topic === container && open.depth < node.depth))
          group!.topics.pop();
        group = owner;
        topic = null;
        openTopics = [];
        openHeadingTopic(node);
      } else if (kind === 'group' && !afterPhase) group = openGroup(node);
      else openHeadingTopic(node);
    } else if (node.type === 'list') {
      addList(node);
    } else if (node.type === 'table') {
      addTable(node);
    } else if (node.type === 'blockquote') {
      addQuoted(node);
    } else if (node.type === 'paragraph') {
      if (times.merged.has(node)) return;
      const topicTitle = readTopicTitle(node);
      label = plainText(node);
      if (topicTitle) {
        const parent = openTopics.at(-1)?.topic ?? null;
        topic = openTopic(topicTitle.title, topicTitle.note, node.position?.start.line ?? 1, parent);
        timing.text.set(topic, topicTitle.title);
      } else if (group === null) {
        intro.push(plainText(node));
      }
    }
  };

  for (const node of tree.children) visitBlock(node);

  file.data.timing = timing;
  file.data.itemNodes = itemNodes;
  file.data.roadmap = {
    title: matter.title ?? heading ?? file.stem ?? 'Roadmap',
    lang:
      resolveSetting('lang', file.data.settings ?? {}, matter) ??
      detectLanguage(sampleText(file.toString()), () => sampleText(file.toString(), true)),
    description: matter.description ?? (intro.length > 0 ? intro.join('\n\n') : null),
    meta: { ...matter },
    phases,
    // A section above the phases' level that holds nothing (`## Weekly breakdown` over `### Phase 1`), or a contents heading, is only a container.
    sections: sections.filter((section) => section.topics.length > 0 || (depth <= 2 && !contentsHeading.test(section.title ?? ''))),
    diagnostics: [],
  };
  if (!matter.title && heading === null && file.toString().trim() !== '') {
    file.message('Missing title, expected an H1 (`# Title`) or front matter `title`', {
      place: { line: 1, column: 1 },
      ruleId: 'missing-title',
      source: 'roadmap-press',
    });
  }
};

export default remarkRoadmapStructure;

/** A heading without time of its own that names a checkpoint, review or (above the phases' level) project of the phase before it. */
function belongsToPhase(text: string, above: boolean): boolean {
  if (readHeadingTime(text) !== 'none' || parseWeekRange(text)?.ongoing) return false;
  if (!above && isPhaseByWords(text)) return false;
  return isCheckpointHeading(text, above);
}

/** The phase whose weeks hold a checkpoint heading's own week (`Week 4 Checkpoint` › `Weeks 3-4`), if it is one. */
function ownerOfCheckpoint(text: string, phases: readonly RoadmapPhase[], timing: Timing, weeksPerMonth: number): RoadmapPhase | null {
  if (!isCheckpointHeading(text, false)) return null;
  const weeks = parseWeekRange(text, { weeksPerMonth })?.weeks;
  if (!weeks) return null;
  return (
    phases.find((phase) => {
      const range = parseWeekRange(timing.text.get(phase) ?? phase.heading, { weeksPerMonth })?.weeks;
      return range && range.start <= weeks.start && weeks.end <= range.end;
    }) ?? null
  );
}

/** The first H1 that does not name a table of contents. */
function findTitle(tree: Root, source: readonly string[]): Heading | null {
  const all = tree.children.filter((node): node is Heading => node.type === 'heading');
  const headings = all.filter((node) => !contentsHeading.test(headingText(node)));
  const first = headings[0];
  // A centred HTML title (`<h3 align="center">Name</h3>`) above the Markdown headings is the title, whatever its level.
  const fromHtml = first && /^\s*</.test(source[(first.position?.start.line ?? 1) - 1] ?? '') && !isPhaseHeading(headingText(first));
  if (fromHtml) return first;
  const h1 = headings.find((node) => node.depth === 1);
  if (h1) return h1;
  // No H1: the document's first heading names it, unless it is a table of contents or a phase.
  const opening = all[0];
  return opening && opening === first && !isPhaseHeading(headingText(opening)) ? opening : null;
}

/** `Phase`, `Stage`, `Module`, `Fase`, `Этап`, `阶段`: a table column naming phases. */
const phaseColumn =
  /^(?:phases?|stages?|modules?|steps?|parts?|levels?|milestones?|fases?|etapas?|[ée]tapes?|stufen?|phasen?|этап\p{L}*|фаз\p{L}*|阶段|階段|段階|단계|aşama)$/iu;

/** A table of the plan's phases (a `Phase` column and a week column), when no heading names a phase. */
function findPhaseTable(tree: Root): Table | null {
  if (tree.children.some((node) => node.type === 'heading' && isPhaseByWords(headingText(node)))) return null;
  for (const node of tree.children) {
    if (node.type !== 'table') continue;
    const headers = (node.children[0]?.children ?? []).map((cell) => plainText(cell));
    if (phaseColumn.test(headers[0] ?? '') && headers.some(isTimeHeader)) return node;
  }
  return null;
}

/**
 * Notations written right under a heading, on their own: a heading that is
 * only a notation (`## Weeks 1-2` after `## Module 1`), or a short line
 * (`**Weeks 1-3**`, `_(2 weeks)_`) before anything else. Their text joins the
 * heading's; the node itself is then not a heading or paragraph of its own.
 */
function readNotationLines(tree: Root, titleNode: Heading | null) {
  const extra = new Map<Heading, string>();
  const merged = new Set<RootContent>();
  tree.children.forEach((node, index) => {
    if (node.type !== 'heading' || node === titleNode || readHeadingTime(headingText(node)) !== 'none') return;
    const next = tree.children[index + 1];
    if (!next) return;
    const text = next.type === 'heading' || next.type === 'paragraph' ? plainText(next) : '';
    const deepEnough = next.type === 'paragraph' || (next.type === 'heading' && next.depth >= node.depth);
    if (deepEnough && text !== '' && isOnlyNotation(text, next.type === 'heading')) {
      extra.set(node, text);
      merged.add(next);
    }
  });
  return { merged, of: (node: Heading) => (extra.has(node) ? `${headingText(node)} (${extra.get(node)})` : headingText(node)) };
}

/** `Weeks 1-2`, `(Days 1–30)`, `**Week 3**` (a heading: nothing else), `Duration: 2 weeks` (a line: at most one word more). */
function isOnlyNotation(text: string, heading: boolean): boolean {
  const notation = parseWeekRange(text);
  let rest = text;
  if (notation?.weeks && notation.written) rest = `${text.slice(0, notation.index)} ${text.slice(notation.index + notation.length)}`;
  else if (text.length > 40 || readHeadingTime(text) !== 'range') return false;
  else rest = text.replace(/\d+\s*\p{L}+/u, ' ');
  const words = rest.match(/\p{L}+/gu) ?? [];
  return heading ? words.length === 0 : words.length <= 1;
}

/**
 * A part with text but no list or table, under a phase, in a phase's topic or
 * under a dated heading (or made only of links), becomes a list: one item a
 * line. The paragraphs are replaced by that list in the tree.
 */
function splitTextOnlyScopes(tree: Root, kindOf: (node: Heading) => string, timeOf: (node: Heading) => string, depth: number) {
  let start = -1;
  let inPhase = false;
  let dated = false;
  const flush = (end: number) => {
    if (start === -1) return;
    const scope = tree.children.slice(start + 1, end);
    const hasItems = scope.some(
      (node) => node.type === 'list' || node.type === 'table' || node.type === 'blockquote' || node.type === 'code',
    );
    const paragraphs = scope.filter((node): node is Paragraph => node.type === 'paragraph' && readTopicTitle(node) === null);
    if (hasItems || paragraphs.length === 0) return;
    const lines = paragraphs.flatMap(splitLines);
    const labelled = lines.some((line) => line[0]?.type === 'strong' || line[0]?.type === 'link');
    // One sentence under a heading is a note about it, not a task; so is one line (`**Focus:** …`) before its sub-headings.
    const next = tree.children[end];
    const opening = tree.children[start];
    const beforeSubHeading = next?.type === 'heading' && opening?.type === 'heading' && next.depth > opening.depth;
    if (lines.length < 2 && (!labelled || beforeSubHeading)) return;
    if (!(inPhase || dated || lines.every((line) => linkLine.test(toString({ type: 'paragraph', children: line }).trim())))) return;
    for (const paragraph of paragraphs) {
      const index = tree.children.indexOf(paragraph);
      const lines = splitLines(paragraph);
      // `**Reading**` on the first line, lines under it: a label and its list.
      const label = lines.length > 1 && isLabelLine(lines[0]!) ? lines.shift()! : null;
      const list: List = {
        type: 'list',
        ordered: false,
        spread: false,
        children: lines.map((line) => ({
          type: 'listItem',
          spread: false,
          checked: null,
          children: [{ type: 'paragraph', children: stripMarker(line), position: line[0]?.position }],
          position: {
            start: line[0]?.position?.start ?? paragraph.position!.start,
            end: line.at(-1)?.position?.end ?? paragraph.position!.end,
          },
        })),
        position: paragraph.position,
      };
      const replacement: RootContent[] = label ? [{ type: 'paragraph', children: label, position: label[0]?.position }, list] : [list];
      tree.children.splice(index, 1, ...replacement);
    }
  };
  tree.children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    flush(index);
    const kind = kindOf(node);
    const time = readHeadingTime(timeOf(node));
    if (kind === 'title') {
      start = -1;
      return;
    }
    if (kind === 'group' && node.depth <= depth) inPhase = isPhaseHeading(timeOf(node)) || time === 'day';
    dated = time !== 'none';
    start = index;
  });
  flush(tree.children.length);
}

/** A line that is only bold text (and a colon): a label. */
function isLabelLine(line: PhrasingContent[]): boolean {
  const [first, ...rest] = line;
  return first?.type === 'strong' && rest.every((node) => node.type === 'text' && /^\s*:?\s*$/.test(node.value));
}

/** A line without the list marker it was written with (`5. `, `• `): Markdown read it as text. */
function stripMarker(line: PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = line;
  if (first?.type !== 'text') return line;
  const value = first.value.replace(/^\s*(?:\d{1,9}[.)]|[•·▪◦●])\s*/u, '');
  return value === '' ? rest : [{ ...first, value }, ...rest];
}

function readItem(node: ListItem, file: VFile, read: (ListItem | TableRow)[]): RoadmapItem {
  if (node.checked === null || node.checked === undefined) readLookAlikeTick(node, file);
  const content = node.children.filter((child) => child.type !== 'list');
  const item: RoadmapItem = {
    id: '',
    text: content.map(plainText).join(' ').trim(),
    html: '',
    week: null,
    checked: false,
    line: node.position?.start.line ?? 0,
    children: node.children.flatMap((child) =>
      child.type === 'list' && !isTableOfContents(child) ? child.children.map((inner) => readItem(inner, file, read)) : [],
    ),
  };
  node.data = { ...node.data, roadmapItem: item };
  read.push(node);
  return item;
}

/** `[✓] item`, `✅ item`: ticked; `☐ item`: not; `[R] item`: a warning naming the marker. The mark leaves the text. */
function readLookAlikeTick(node: ListItem, file: VFile) {
  const first = node.children[0];
  const lead = first?.type === 'paragraph' ? first.children[0] : undefined;
  if (lead?.type !== 'text') return;
  const tick = readTick(lead.value);
  if (tick === null) return;
  if ('unknown' in tick) {
    file.message(`Unexpected task marker \`${tick.unknown}\`, expected \`[ ]\` or \`[x]\`: the item is not ticked`, {
      place: node.position?.start,
      ruleId: 'task-marker',
      source: 'roadmap-press',
    });
    return;
  }
  node.checked = tick.checked;
  (lead as Text).value = lead.value.slice(tick.length);
}

function readRow(row: TableRow, order: readonly number[], read: (ListItem | TableRow)[]): RoadmapItem {
  const texts = row.children.map((cell) => plainText(cell));
  const first = texts[order[0]!] ?? '';
  const task = /^\[([ xX])\]\s*/.exec(first) ?? null;
  const tick = task ? null : readTick(first);
  const ticked = tick !== null && !('unknown' in tick) ? tick : null;
  // A status column that says `✅ Done` ticks the row too.
  const status = order.slice(1).some((index) => {
    const cell = readTick(texts[index] ?? '');
    return cell !== null && !('unknown' in cell) && cell.checked && (texts[index] ?? '').length - cell.length <= 16;
  });
  const item: RoadmapItem = {
    id: '',
    text: task ? first.slice(task[0].length) : ticked ? first.slice(ticked.length) : first,
    html: '',
    week: null,
    checked: (task !== null && task[1] !== ' ') || (ticked?.checked ?? false) || status,
    line: row.position?.start.line ?? 0,
    children: [],
    cells: order.slice(1).map((index) => texts[index] ?? ''),
  };
  row.data = { ...row.data, roadmapItem: item, textCell: order[0]! };
  read.push(row);
  return item;
}

declare module 'mdast' {
  interface TableRowData {
    /** Which cell holds the row's text (the next one when the first is a week or day column). */
    textCell?: number;
  }
}

/** `Week`, `Wk`, `W`, `Day`, `Month`, `周`, `Semana`, …: a column of weeks, days or months. */
function isTimeHeader(text: string): boolean {
  return unitOfHeader(text) !== null;
}

function unitOfHeader(text: string): 'Week' | 'Day' | 'Month' | null {
  const word = text.trim().replace(/[#.:]$/, '');
  if (/^(?:weeks?|wks?|w|semanas?|semaines?|wochen?|недел[яи]|settiman[ae]|hafta|周|週|주|주차)$/iu.test(word)) return 'Week';
  if (/^(?:days?|d[ií]as?|jours?|tage?|день|дни|giorn[oi]|gün|天|日|일|일차)$/iu.test(word)) return 'Day';
  if (/^(?:months?|mes(?:es)?|mês|mois|monate?|месяц|mes[ei]|ay|月|개월)$/iu.test(word)) return 'Month';
  return null;
}

function unitWordOf(header: string): string {
  return unitOfHeader(header) ?? 'Week';
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
  return note ? { title, note: collapseSpace(note[1]!) || null } : null;
}

/**
 * About 4,000 characters of the roadmap's prose, to tell its language: its
 * source without front matter, code, HTML, URLs and link text (the resources
 * a roadmap lists are mostly titled in English, whatever its own language;
 * `withLinkText` keeps the titles, for lists that are little else).
 * Read from the source with linear patterns: no walk over the tree.
 */
function sampleText(source: string, withLinkText = false): string {
  const sample = source
    .slice(0, 12_000)
    .replace(/^(?:---|\+\+\+)[\s\S]*?\n(?:---|\+\+\+)\s*\n/, '')
    .replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\1[^\n]*|$)/gm, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/<[^>\n]*>/g, ' ');
  return (withLinkText ? sample.replace(/!\[[^\]\n]*\]\([^)\n]*\)|\]\([^)\n]*\)/g, ' ') : sample.replace(/!?\[[^\]\n]*\]\([^)\n]*\)/g, ' '))
    .replace(/https?:\/\/\S+/g, ' ')
    .slice(0, 4000);
}

function headingText(node: Heading): string {
  return plainText(node);
}

function plainText(node: RootContent | Heading | TableRow['children'][number]): string {
  return collapseSpace(toString(node));
}

/** GitHub emoji shortcodes at either end of a title (`# :dollar: Build a bank`): GitHub draws an emoji, a reader does not say it. */
const edgeShortcodes = /^(?::[a-z0-9_+-]+:\s*)+|(?:\s*:[a-z0-9_+-]+:)+$/g;

function dropShortcodes(title: string): string {
  return title.replace(edgeShortcodes, '').trim();
}
