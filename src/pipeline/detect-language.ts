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
 * characters letter by letter. Short or undecidable text is English.
 */
export function detectLanguage(text: string): string {
  const kana = count(text, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const hangul = count(text, /\p{Script=Hangul}/gu);
  const han = count(text, /\p{Script=Han}/gu);
  const latin = count(text, /\p{Script=Latin}/gu);
  // A CJK character carries about a word; a Latin word about five letters.
  if ((kana + hangul + han) * 4 >= latin && kana + hangul + han >= 10) {
    if (hangul >= kana && hangul >= han / 2) return 'ko';
    if (kana * 10 >= han) return 'ja';
    return 'zh';
  }
  const letters = text.replace(/[^\p{L}\s]+/gu, ' ').replace(/\s+/g, ' ');
  if (count(letters, /\p{L}/gu) < minLetters) return 'en';
  const ranked = francAll(letters.slice(0, 4000), { minLength: minLetters });
  const [best, score] = ranked[0] ?? ['und', 0];
  const english = ranked.find(([code]) => code === 'eng')?.[1] ?? 0;
  if (best === 'und' || english >= score * englishMargin) return 'en';
  return twoLetter[best] ?? best;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
