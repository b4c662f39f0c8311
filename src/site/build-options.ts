import type { GroupConfig } from '../model/group-schema.js';
import type { LinkList, LinkMode } from '../model/paper-options.js';
import type { Paper } from '../model/page-layout.js';
import type { SettingLayers } from '../model/settings.js';
import type { PluginSpecs } from '../pipeline/load-user-plugins.js';
import type { Printer } from '../print/create-printer.js';
import type { OpenedBrowser } from '../print/open-browser.js';
import type { TemplateChoice } from '../render/load-renderers.js';
import type { TemplateSession } from '../render/create-template-session.js';
import type { HelperFunction } from '../render/register-helpers.js';
import type { GroupProgress } from '../view/apply-group-progress.js';
import type { BuiltRoadmap, Format } from './build-roadmap.js';

export type { BuiltRoadmap, Format } from './build-roadmap.js';
export const formats: readonly Format[] = ['html', 'pdf', 'ics'];
/** What is written when no format is asked for. */
export const defaultFormats: readonly Format[] = ['html', 'pdf'];

export interface BuildOptions {
  /** Markdown files or folders; default `content`. */
  inputs?: string[];
  /** Output folder; default `output`. */
  out?: string;
  /** What to write for each roadmap; default HTML and PDF (`ics`: a calendar of the schedule). */
  formats?: Format[];
  /** Chrome/Chromium to print with; found automatically when omitted. */
  browser?: string;
  /** Pages printing at once; default: CPU cores, at most 4. */
  concurrency?: number;
  /**
   * Worker threads that model and render the roadmaps (printing stays on the
   * main thread); `0`: render on the main thread. Default: one per core, at
   * most 8, when there is more than one core and enough roadmaps to render
   * for workers to pay for their start-up (160 on 2 cores, 92 on 8). Helpers
   * given as functions always render on the main thread.
   */
  workers?: number;
  /** Folder that relative paths are resolved against; default `process.cwd()`. */
  cwd?: string;
  /** Per-roadmap settings around each file's front matter (config defaults, command-line overrides). */
  settings?: SettingLayers;
  /** The project's remark and rehype plugins (config `remarkPlugins`, `rehypePlugins`), and the folder their names resolve from. */
  plugins?: PluginSpecs;
  /** Template per format (default: `handout` for HTML, `checklist` for PDF). */
  template?: TemplateChoice;
  /** A project's own templates folder, searched before the built-ins, file by file; default `templates` when it exists. */
  templates?: string;
  /** The project's own helpers: an ES module's path, or the functions themselves. */
  helpers?: string | Record<string, HelperFunction>;
  /** A study group: its name, members (a checkbox each per item) and meeting day. */
  group?: GroupConfig;
  /** PDF paper size; default `a4`. */
  paper?: Paper;
  /** PDF page margins, a CSS shorthand of 1-4 lengths; default `18mm 14mm`. */
  margin?: string;
  /** Print PDFs in landscape. */
  landscape?: boolean;
  /** Start each phase on a new page. */
  phaseBreak?: boolean;
  /** Print the date (`SOURCE_DATE_EPOCH`, else front matter `date`) in the PDF footer. */
  printDate?: boolean;
  /** How links print in the PDF: `footnotes` (default), `qr` (notes with a QR code each) or `none`. The handout keeps live links. */
  links?: LinkMode;
  /** Where the PDF lists its link notes: after each `phase` (default) or at the `end`. */
  linkList?: LinkList;
  /** `merge`: each member's progress (member name → item id → state), ticked in the study-group's columns. */
  groupProgress?: GroupProgress;
  /** Days after each week's end to review its items again (`[1, 7, 30]`): planner rows and calendar events. */
  review?: number[];
  /** Also write `NAME.booklet.pdf`: A5 pages, two per A4 (Letter with `paper: letter`) landscape sheet, in saddle-stitch order. */
  booklet?: boolean;
  /** Connect to a running Chrome's DevTools endpoint (`http://127.0.0.1:9222`) instead of launching one. */
  browserUrl?: string;
  /** Connect to a DevTools WebSocket (`ws://…`, e.g. browserless) instead of launching a browser. */
  browserWs?: string;
  /** Seconds one PDF may take to print; default 60. */
  timeout?: number;
  /** PDFs one browser prints before a fresh one replaces it; default 50. */
  recycleAfter?: number;
  /** Value of `SOURCE_DATE_EPOCH`; default `process.env.SOURCE_DATE_EPOCH`. */
  sourceDateEpoch?: string;
  /** Aborting closes the browser, removes temporary files and rejects with an `InterruptedError`. */
  signal?: AbortSignal;
  /** Rebuild everything, ignoring what the output folder's cache says is up to date (default `true`: use it). */
  cache?: boolean;
  /** A Chromium already starting (see `prelaunch`): used when something needs printing, closed otherwise. */
  prelaunched?: Promise<OpenedBrowser | null>;
  /** A printer the caller owns and closes (`serve` keeps one, and its Chromium, for the whole session); else the build makes one and closes it. */
  printer?: Printer;
  /** Templates and helpers the caller keeps loaded across builds (`serve`'s session); else each build loads its own. */
  templateSession?: TemplateSession;
  /** Called as each roadmap is finished (written, up to date, or failed). */
  onProgress?: (progress: { done: number; total: number; roadmap: BuiltRoadmap }) => void;
}

export interface BuildResult {
  roadmaps: BuiltRoadmap[];
  /** Path of the index page. */
  index: string;
  errors: number;
  warnings: number;
  /** Outputs of roadmaps whose Markdown is gone, removed by this build. */
  removed: string[];
}
