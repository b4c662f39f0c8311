import type { Roadmap, Severity } from '../../model/roadmap.js';

/** Report one finding of a rule, at a 1-based source line. */
export type Report = (severity: Severity, reason: string, line: number) => void;

/** One lint rule: a stable id and a check of the enriched roadmap. Pure: it only reports. */
export interface LintRule {
  id: string;
  check(roadmap: Roadmap, report: Report): void;
}

/** `weeks 3-4` / `week 3`. */
export function describeWeeks(start: number, end: number): string {
  return start === end ? `week ${start}` : `weeks ${start}-${end}`;
}
