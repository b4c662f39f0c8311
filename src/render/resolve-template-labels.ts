/**
 * A template's own words for one language: `pt-BR` falls back to `pt`, then
 * to `en`, word by word. Pure.
 */
export function resolveTemplateLabels(labels: Record<string, Record<string, string>>, lang: string): Record<string, string> {
  const base = lang.split('-')[0]!.toLowerCase();
  const exact = Object.entries(labels).find(([tag]) => tag.toLowerCase() === lang.toLowerCase())?.[1];
  return { ...labels.en, ...labels[base], ...exact };
}
