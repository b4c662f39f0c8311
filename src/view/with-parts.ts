import type { ViewModel, ViewPart } from './to-view-model.js';

/** The view model with its parts changed (phases and sections follow them). Pure. */
export function withParts(view: ViewModel, parts: ViewPart[]): ViewModel {
  return { ...view, parts, phases: parts.filter((part) => part.isPhase), sections: parts.filter((part) => !part.isPhase) };
}
