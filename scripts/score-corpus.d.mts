/** Types of scripts/score-corpus.mjs, for the test that imports it. */
import type { ProcessedRoadmap, Roadmap, RoadmapItem } from '../src/index.js';

/** `[start, end]`, both inclusive. */
export type Pair = [number, number];

/** One phase a person sees in the document. */
export interface ExpectedPhase {
  /** A substring of the phase heading (case-insensitive). */
  title: string;
  weeks: Pair | null;
  days?: Pair;
}

/** A corpus expectation (tests/corpus/<slug>.expected.json). */
export interface Expectation {
  title: string;
  lang: string;
  phases: ExpectedPhase[];
  items: Pair;
  ticked: Pair;
  weekShare: Pair;
  weekSpan: Pair | null;
  heldOut: boolean;
  note?: string;
}

/** The facts of a model the expectations speak about. */
export interface Measured {
  title: string;
  lang: string;
  phases: { heading: string; weeks: Pair | null; days: Pair | null }[];
  items: number;
  ticked: number;
  weekShare: number;
  weekSpan: Pair | null;
}

export interface FileScore {
  slug: string;
  heldOut: boolean;
  ok: boolean;
  problems: string[];
}

export interface Count {
  understood: number;
  total: number;
}

export interface Totals extends Count {
  tuned: Count;
  heldOut: Count;
}

export interface CorpusScore {
  results: FileScore[];
  totals: Totals;
}

export type ProcessRoadmap = (value: string | Uint8Array, path?: string) => Promise<ProcessedRoadmap>;

export const corpusDir: string;
export function allItems(roadmap: Roadmap): RoadmapItem[];
export function measureRoadmap(roadmap: Roadmap): Measured;
export function compareExpectation(measured: Measured, expected: Expectation): string[];
export function summarize(results: FileScore[]): Totals;
export function listCorpus(dir?: string): Promise<string[]>;
export function scoreCorpus(processRoadmap: ProcessRoadmap, dir?: string): Promise<CorpusScore>;
export function formatReport(score: CorpusScore): string[];
