import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import rehypeItemHtml from './plugins/rehype-item-html.js';
import rehypeSanitizeTree from './plugins/rehype-sanitize-tree.js';
import remarkChecklistItems from './plugins/remark-checklist-items.js';
import remarkDayLines from './plugins/remark-day-lines.js';
import remarkDropBadges from './plugins/remark-drop-badges.js';
import remarkItemHints from './plugins/remark-item-hints.js';
import remarkForeignMatter, { foreignMatters } from './plugins/remark-foreign-matter.js';
import remarkReadHtml from './plugins/remark-read-html.js';
import remarkRoadmapDiagnostics from './plugins/remark-roadmap-diagnostics.js';
import remarkRoadmapLint from './plugins/remark-roadmap-lint.js';
import remarkRoadmapMatter from './plugins/remark-roadmap-matter.js';
import remarkRoadmapSchedule from './plugins/remark-roadmap-schedule.js';
import remarkRoadmapStructure from './plugins/remark-roadmap-structure.js';
import remarkWeekNumbers from './plugins/remark-week-numbers.js';
import { toGuardedPlugin, type UserPlugin } from './guard-user-plugin.js';
import { itemElementHandlers } from './item-element-handlers.js';

/** The project's own unified plugins (config `remarkPlugins`, `rehypePlugins`), loaded. */
export interface UserPlugins {
  remark?: UserPlugin[];
  rehype?: UserPlugin[];
}

/**
 * The whole enrichment pipeline, in order. Each stage is one unified plugin:
 *
 * 1. parse: Markdown (CommonMark + GFM) with YAML front matter → mdast
 * 2. matter: other front matter (TOML, `---js`, `;;;`) reported and dropped; YAML front matter → `file.data.matter` (validated)
 * 3. html: known HTML elements read as Markdown (images, headings, summaries), other tags kept as literal text
 *    the project's remark plugins (config `remarkPlugins`), in their order
 * 4. badges: status badge images dropped
 *    day lines: a paragraph of `Day 1: …` lines read as the list it is
 *    hints: lines that look like items but are text (`5. …` inside a paragraph, `• …`)
 * 5. structure: title, phases, sections, topics, items, language → `file.data.roadmap`
 * 6. weeks: week ranges of phases and topics, a week for every dated item
 * 7. schedule: with a start date (or dated headings), the dates of every week and each item's due date
 * 8. checklist items: stable ids, checked state
 * 9. diagnostics: whole-roadmap checks (no title, no items)
 * 10. lint: inconsistencies (overlaps, gaps, empty phases, duplicates, unreadable dates)
 * 11. to hast: the document tree, once (`remark-rehype`), each item's id on its element
 *     the project's rehype plugins (config `rehypePlugins`), in their order
 * 12. sanitize: the whole tree, always after every other plugin
 * 13. item HTML: each item's inline HTML cut from the sanitized tree
 *
 * `processor.run` gives the sanitized document tree (hast). The processor is
 * frozen and shared: it holds no per-file state.
 */
export function createProcessor(plugins: UserPlugins = {}) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', ...foreignMatters])
    .use(remarkGfm)
    .use(remarkForeignMatter)
    .use(remarkRoadmapMatter)
    .use(remarkReadHtml)
    .use((plugins.remark ?? []).map(toGuardedPlugin))
    .use(remarkDropBadges)
    .use(remarkDayLines)
    .use(remarkItemHints)
    .use(remarkRoadmapStructure)
    .use(remarkWeekNumbers)
    .use(remarkRoadmapSchedule)
    .use(remarkChecklistItems)
    .use(remarkRoadmapDiagnostics)
    .use(remarkRoadmapLint)
    .use(remarkRehype, { handlers: itemElementHandlers })
    .use((plugins.rehype ?? []).map(toGuardedPlugin))
    .use(rehypeSanitizeTree)
    .use(rehypeItemHtml)
    .freeze();
}
