import type { ViewModel } from './to-view-model.js';

/** What the index shows of a roadmap: its title and counts. */
export interface IndexSummary {
  title: string;
  phases: number;
  weeks: number;
  items: number;
}

/** What the index needs of a built roadmap (the build's `BuiltRoadmap` is one). */
export interface IndexEntry {
  name: string;
  outputs: string[];
  summary: IndexSummary | null;
}

/** What the index (and the build cache) keeps of a roadmap's view model. Pure. */
export function toIndexSummary(view: ViewModel): IndexSummary {
  return { title: view.title, phases: view.stats.phases, weeks: view.stats.weeks, items: view.stats.items };
}

export interface IndexView {
  title: string;
  generator: string;
  roadmaps: {
    title: string;
    phases: number;
    weeks: number;
    items: number;
    /** Links relative to the index page, or `null` when that format was not built. */
    html: string | null;
    pdf: string | null;
  }[];
}

/** The index page's data: every roadmap that was built, in input order. Pure. */
export function toIndexView(roadmaps: IndexEntry[], generator: string): IndexView {
  return {
    title: 'Roadmaps',
    generator,
    roadmaps: roadmaps.flatMap((roadmap) => {
      if (!roadmap.summary) return [];
      const link = (extension: string) => {
        const target = `${roadmap.name}.${extension}`;
        return roadmap.outputs.some((output) => output.endsWith(target)) ? encodeURI(target) : null;
      };
      return [
        {
          title: roadmap.summary.title,
          phases: roadmap.summary.phases,
          weeks: roadmap.summary.weeks,
          items: roadmap.summary.items,
          html: link('html'),
          pdf: link('pdf'),
        },
      ];
    }),
  };
}
