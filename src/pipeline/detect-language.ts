import { francAll } from 'franc-min';

/** ISO 639-3 codes franc-min returns → the ISO 639-1 tag used for `lang` (codes without one are kept as they are). */
const twoLetter: Readonly<Record<string, string>> = {
  eng: 'en',
  spa: 'es',
  por: 'pt',
  fra: 'fr',
  deu: 'de',
  rus: 'ru',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  tur: 'tr',
  ita: 'it',
  nld: 'nl',
  pol: 'pl',
  ukr: 'uk',
  ind: 'id',
  vie: 'vi',
  ron: 'ro',
  hun: 'hu',
  ces: 'cs',
  swe: 'sv',
  ell: 'el',
  bul: 'bg',
  bel: 'be',
  kaz: 'kk',
  hrv: 'hr',
  srp: 'sr',
  bos: 'bs',
  arb: 'ar',
  pes: 'fa',
  urd: 'ur',
  hin: 'hi',
  mar: 'mr',
  npi: 'ne',
  ben: 'bn',
  tel: 'te',
  tam: 'ta',
  guj: 'gu',
  kan: 'kn',
  mal: 'ml',
  pan: 'pa',
  mya: 'my',
  amh: 'am',
  tha: 'th',
  sin: 'si',
  jav: 'jv',
  sun: 'su',
  swh: 'sw',
  hau: 'ha',
  yor: 'yo',
  ibo: 'ig',
  tgl: 'tl',
  zul: 'zu',
  som: 'so',
  kin: 'rw',
  nya: 'ny',
  lin: 'ln',
  uzn: 'uz',
  azj: 'az',
  zlm: 'ms',
  plt: 'mg',
  ckb: 'ku',
  pbu: 'ps',
  run: 'rn',
  ilo: 'ilo',
  ceb: 'ceb',
};

/** Fewest letters worth guessing from: below this a roadmap is taken to be in English (trigram guesses on a few words are noise). */
const minLetters = 250;
/** How close (franc's relative score, 1 = best) English must come to the best guess to be chosen: roadmaps borrow English words. */
const englishMargin = 0.99;

/**
 * The language a roadmap is written in, as an ISO 639-1 tag (`en`, `zh`,
 * `ja`), from its prose (headings, paragraphs and items, without code or
 * URLs). Han, kana and Hangul are counted apart first: a Chinese or Japanese
 * roadmap is full of English technical words that would outnumber its
 * characters letter by letter. Text too short to tell, or English only by
 * a hair over the runner-up (a list of names), is read again from
 * `fallback` when given (the same prose with its link titles); short or
 * undecidable text is English.
 */
export function detectLanguage(text: string, fallback?: () => string): string {
  const { lang, decided } = guessLanguage(text);
  // Too little prose of its own to tell (an awesome list is mostly link titles and names): the fallback sample tells instead.
  return decided || fallback === undefined ? lang : guessLanguage(fallback()).lang;
}

/** The guess, and whether the text decided it: `false` when it was too short, or English only by a hair over the runner-up. */
function guessLanguage(text: string): { lang: string; decided: boolean } {
  const { kana, hangul, han, latin } = countScripts(text);
  // A CJK character carries about a word; a Latin word about five letters.
  if ((kana + hangul + han) * 4 >= latin && kana + hangul + han >= 10) {
    if (hangul >= kana && hangul >= han / 2) return { lang: 'ko', decided: true };
    if (kana * 10 >= han) return { lang: 'ja', decided: true };
    return { lang: 'zh', decided: true };
  }
  // Every run of anything but letters (punctuation, digits, white space) is one space.
  const letters = text.replace(/[^\p{L}]+/gu, ' ');
  if (looksEnglish(letters)) return { lang: 'en', decided: true };
  if (count(letters, /\p{L}/gu) < minLetters) return { lang: 'en', decided: false };
  const ranked = francAll(letters.slice(0, 4000), { minLength: minLetters });
  const [best, score] = ranked[0] ?? ['und', 0];
  const english = ranked.find(([code]) => code === 'eng')?.[1] ?? 0;
  if (best === 'und') return { lang: 'en', decided: false };
  if (english >= score * englishMargin) return { lang: 'en', decided: best !== 'eng' || (ranked[1]?.[1] ?? 0) < score * englishMargin };
  return { lang: twoLetter[best] ?? tagged(ranked, score) ?? best, decided: true };
}

/** How close a language with a two-letter tag must come to a best guess without one to be chosen instead. */
const taggedMargin = 0.95;

/**
 * The best-ranked language with a two-letter tag, when it comes close to a
 * best guess without one: franc tells the regional languages that have no
 * ISO 639-1 code from their big neighbour by a few trigrams (Magahi,
 * Bhojpuri or Maithili for a Hindi page, Saraiki for Urdu, all within a few
 * hundredths of each other), and a reader names the neighbour.
 */
function tagged(ranked: readonly (readonly [string, number])[], score: number): string | undefined {
  const found = ranked.find(([code, value]) => twoLetter[code] !== undefined && value >= score * taggedMargin);
  return found ? twoLetter[found[0]] : undefined;
}

/** English function words, which other languages' roadmaps rarely use between their link titles. */
const englishWords = /(?<![\p{L}])(?:the|and|of|with|for|your|you|this|that|how|what|are|to|is|from|on)(?![\p{L}])/giu;

/** Text of which at least one word in ten is an English function word is English: no need for trigrams. */
function looksEnglish(letters: string): boolean {
  const words = letters.split(' ').length;
  return words >= 20 && count(letters, englishWords) * 10 >= words;
}

/** Kana, Hangul, Han and Latin letters in the text, in one pass over its code units. */
function countScripts(text: string): { kana: number; hangul: number; han: number; latin: number } {
  let kana = 0;
  let hangul = 0;
  let han = 0;
  let latin = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) latin += 1;
    } else if (code >= 0xc0 && code <= 0x24f) latin += 1;
    else if (code >= 0x3040 && code <= 0x30ff) kana += 1;
    else if ((code >= 0xac00 && code <= 0xd7af) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f)) hangul += 1;
    else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) han += 1;
  }
  return { kana, hangul, han, latin };
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
