/** What the index needs of a built roadmap (the build's `BuiltRoadmap` is one). */
export interface IndexEntry {
  name: string;
  outputs: string[];
  summary: { title: string; phases: number; weeks: number; items: number } | null;
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
