/** Paper sizes the checklist can be printed on. */
export const papers = ['a4', 'letter', 'a5'] as const;
export type Paper = (typeof papers)[number];

/** How the PDF's pages are laid out. */
export interface PageLayout {
  paper: Paper;
  /** Page margins as CSS lengths, top/right/bottom/left. */
  margin: Margin;
  landscape: boolean;
  /** Start each phase on a new page. */
  phaseBreak: boolean;
  /** Print the build date in the footer. */
  printDate: boolean;
}

export interface Margin {
  top: string;
  right: string;
  bottom: string;
  left: string;
}

/** A4 portrait, room for the running header and footer at the top and bottom. */
export const defaultLayout: PageLayout = {
  paper: 'a4',
  margin: { top: '18mm', right: '14mm', bottom: '18mm', left: '14mm' },
  landscape: false,
  phaseBreak: false,
  printDate: false,
};

const length = /^(0|\d+(\.\d+)?(mm|cm|in|pt|px))$/;

/** Whether `value` is a CSS margin shorthand of 1-4 lengths (`12mm`, `18mm 14mm`, `0.5in 0.4in 0.6in`). */
export function isMargin(value: string): boolean {
  const parts = value.trim().split(/\s+/);
  return parts.length >= 1 && parts.length <= 4 && parts.every((part) => length.test(part));
}

/** Expand a CSS margin shorthand (see {@link isMargin}) to its four sides. */
export function parseMargin(value: string): Margin {
  const [top = '0', right = top, bottom = top, left = right] = value.trim().split(/\s+/);
  return { top, right, bottom, left };
}
