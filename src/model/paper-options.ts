/** How links print: numbered notes, numbered notes with a QR code each, or as they are. */
export const linkModes = ['footnotes', 'qr', 'none'] as const;
export type LinkMode = (typeof linkModes)[number];

/** Where the notes of `footnotes` and `qr` are listed: after each phase (or section), or once at the end. */
export const linkLists = ['phase', 'end'] as const;
export type LinkList = (typeof linkLists)[number];

/** What the printed page does beyond its layout (links, booklet). */
export interface PaperOptions {
  links: LinkMode;
  linkList: LinkList;
  /** Also write `NAME.booklet.pdf`: A5 pages imposed two per sheet in saddle-stitch order. */
  booklet: boolean;
}

/** Links become numbered notes listed after each phase. */
export const defaultPaper: PaperOptions = { links: 'footnotes', linkList: 'phase', booklet: false };
