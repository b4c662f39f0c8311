/** A BCP 47 language tag as roadmap-press accepts it: `en`, `pt-BR`, `zh-Hant-TW`. */
export const languageTagPattern = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

export function isLanguageTag(value: string): boolean {
  return languageTagPattern.test(value);
}
