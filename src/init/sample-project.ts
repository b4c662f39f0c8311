/** The files `roadmap-press init` writes besides the template copies. Plain text, no logic. */

/** A small roadmap that shows every convention: phases with weeks, topics, items, a section. */
export const sampleRoadmap = `---
title: Learning Plan
author: Our Study Group
start: 2027-01-04
---

# Learning Plan

Replace this with your own roadmap. Each \`## Phase\` with \`(Weeks 1-2)\` becomes a block of weeks,
each **bold line** or \`### heading\` a topic, and each list item a checkbox.

## Phase 1: Foundations (Weeks 1-2)

**Getting started**

- Install the tools
- Work through the first chapter
- Write a tiny program of your own

### Core ideas

- Read about the core concepts
- Explain one of them to the group

## Phase 2: Practice (Weeks 3-4)

- Build a small project
  - Plan it
  - Ship it
- Review each other's code

## Resources

- The official documentation
- A good book on the subject
`;

/** The scaffold's README. */
export function sampleReadme(templates: string[]): string {
  const list = templates.map((name) => `\`templates/${name}/\``).join(' and ');
  return `# My roadmaps

Made with [roadmap-press](https://www.npmjs.com/package/roadmap-press).

- \`content/*.md\`: your roadmaps, in Markdown. Edit \`content/roadmap.md\` or add more files.
- \`roadmap.config.json\`: project settings (template, group, output folder…).
- ${list}: copies of the built-in template's layout, partials and style, ready to edit. Any file you delete
  falls back to the built-in one, so you can keep only what you change (for example just \`partials/item.hbs\`).

Build everything into \`output/\`:

\`\`\`sh
npx roadmap-press build
\`\`\`

The data each template receives and every helper are described in roadmap-press's \`docs/templates.md\`.
`;
}
