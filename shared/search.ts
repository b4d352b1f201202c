/**
 * Search folding for the desk's complaint search (Arabic and English). Pure: the desk folds every
 * complaint once when it is written (renderer/db/list-keys.ts) and every query as it is typed, and
 * matches folded query terms as prefixes of folded document tokens.
 *
 * What is folded, so that spelling variants find each other:
 * - Unicode compatibility forms (NFKD): Arabic presentation forms, full-width Latin, ligatures.
 * - Case (English) and Latin accents (é → e).
 * - Alef forms أ إ آ ٱ ٲ ٳ → ا; taa marbuta ة → ه; alef maqsura ى → ي; Persian ی ک → ي ك.
 * - Diacritics (harakat, tanween, shadda, sukun, superscript alef, Quranic marks) and tatweel ـ
 *   are dropped.
 * - Arabic-Indic ٠-٩ and Eastern Arabic-Indic ۰-۹ digits → 0-9.
 * - Hamza on waw or yaa (ؤ ئ): both regional spellings (مسؤول / مسئول, شؤون / شئون) must find
 *   each other, and so must a word typed without the hamza (مسوول). No single mapping does both,
 *   so documents are indexed under two folds: the "seat" fold (ؤ ئ → ء, carrier ignored) and the
 *   "bare" fold (ؤ → و, ئ → ي). Queries are folded the seat way: a query with a hamza on either
 *   carrier meets the seat fold, a query without one meets the bare fold. The seat fold also reads
 *   a hamza written after a yaa (الطوارىء) as the seated one (الطوارئ).
 * - The definite article and its common proclitics (ال، وال، بال، كال، فال، لل): a word is also
 *   indexed without them, and a query term is also tried without them, so "الأمل", "امل" and
 *   "بالأمل" find each other.
 */

export type HamzaFold = 'seat' | 'bare';

const ALEF = 0x0627;
const HAMZA = 0x0621;
const WAW = 0x0648;
const YEH = 0x064a;
const ALEF_MAQSURA = 0x0649;
const HAMZA_ABOVE = 0x0654;

/** Single-character replacements applied after NFKD (which already splits أ into ا + hamza mark). */
const REPLACE = new Map<number, number>([
  [0x0671, ALEF], // ٱ alef wasla
  [0x0672, ALEF], // ٲ
  [0x0673, ALEF], // ٳ
  [0x0629, 0x0647], // ة → ه
  [ALEF_MAQSURA, YEH], // ى → ي
  [0x06cc, YEH], // ی Persian yeh
  [0x06d2, YEH], // ے yeh barree
  [0x06a9, 0x0643], // ک Persian kaf → ك
]);

function isDropped(c: number): boolean {
  return (
    (c >= 0x0300 && c <= 0x036f) || // Latin combining accents
    (c >= 0x0610 && c <= 0x061a) || // Quranic signs
    (c >= 0x064b && c <= 0x065f) || // harakat, tanween, shadda, sukun, hamza/madda marks
    c === 0x0670 || // superscript alef
    (c >= 0x06d6 && c <= 0x06ed) || // Quranic annotation marks
    c === 0x0640 // tatweel
  );
}

function digitOf(c: number): number | null {
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660;
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0;
  return null;
}

/** Folds text for comparison (see the file comment). Keeps spacing and punctuation. */
export function foldText(input: string, hamza: HamzaFold = 'seat'): string {
  const s = input.normalize('NFKD').toLowerCase();
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // NFKD writes ؤ as و + hamza above and ئ as ي + hamza above.
    if ((c === WAW || c === YEH || c === ALEF_MAQSURA) && s.charCodeAt(i + 1) === HAMZA_ABOVE) {
      out += hamza === 'seat' ? String.fromCharCode(HAMZA) : c === WAW ? 'و' : 'ي';
      i++;
      continue;
    }
    if (isDropped(c)) continue;
    const digit = digitOf(c);
    if (digit !== null) {
      out += String(digit);
      continue;
    }
    // Hamza after a yaa seat (الطوارىء, an older spelling of الطوارئ) is the seated hamza too.
    if (c === HAMZA && hamza === 'seat' && out.endsWith('ي')) {
      out = `${out.slice(0, -1)}ء`;
      continue;
    }
    const r = REPLACE.get(c);
    out += r === undefined ? s[i] : String.fromCharCode(r);
  }
  return out;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of already folded text. */
export function wordsOf(folded: string): string[] {
  return folded.match(WORD) ?? [];
}

const ARTICLES_LONG = ['وال', 'بال', 'كال', 'فال'];

/** A folded word without its definite article (or article + proclitic), or null if it has none. */
export function withoutArticle(word: string): string | null {
  for (const p of ARTICLES_LONG) if (word.length >= p.length + 2 && word.startsWith(p)) return word.slice(p.length);
  if (word.length >= 4 && (word.startsWith('ال') || word.startsWith('لل'))) return word.slice(2);
  return null;
}

/** Adds the index forms of the words of `text`: both hamza folds, with and without the article. */
function addTextTokens(into: Set<string>, text: string): void {
  for (const fold of ['seat', 'bare'] as const) {
    for (const w of wordsOf(foldText(text, fold))) {
      into.add(w);
      const bare = withoutArticle(w);
      if (bare) into.add(bare);
    }
  }
}

/** `CMP-2026-000123` is found by the whole number, its parts, and the counter without zeros. */
function addReferenceTokens(into: Set<string>, reference: string): void {
  addTextTokens(into, reference);
  const folded = foldText(reference);
  into.add(wordsOf(folded).join(''));
  const counter = /(\d+)\s*$/.exec(folded)?.[1];
  if (counter) into.add(counter.replace(/^0+(?=\d)/, ''));
}

/** An E.164 number is found as typed internationally or nationally (+966501… / 0501… / 501…). */
function addPhoneTokens(into: Set<string>, phone: string): void {
  const digits = phone.replace(/\D/g, '');
  if (!digits) return;
  into.add(digits);
  // Saudi numbers are the desk's default; other countries' national forms are rarely typed.
  if (digits.startsWith('966') && digits.length > 3) {
    into.add(digits.slice(3));
    into.add(`0${digits.slice(3)}`);
  }
}

export type SearchableComplaint = {
  referenceNumber: string;
  title: string;
  description: string;
  complainant: { name: string; phone: string | null };
};

/** Every token a complaint is found by, sorted and unique. */
export function complaintSearchTokens(c: SearchableComplaint): string[] {
  const tokens = new Set<string>();
  addReferenceTokens(tokens, c.referenceNumber);
  addTextTokens(tokens, c.title);
  addTextTokens(tokens, c.description);
  addTextTokens(tokens, c.complainant.name);
  if (c.complainant.phone) addPhoneTokens(tokens, c.complainant.phone);
  return [...tokens].sort();
}

/** One query term: matches when any of its alternatives is a prefix of some document token. */
export type QueryTerm = readonly string[];

/**
 * A typed query as terms that must all match (AND), each a small set of alternatives (OR).
 * A query of digits and phone punctuation is one term ("050 123 4567" is one number). Terms of
 * one character are dropped when the query has longer ones (they would match nearly everything);
 * a query of only such terms is no search at all (empty list).
 */
export function parseQuery(query: string): QueryTerm[] {
  const folded = foldText(query);
  const compact = folded.replace(/[\s+\-().]/g, '');
  // "00" opens an international number, or is the zero padding of a reference counter: try both.
  if (/^\d{3,}$/.test(compact)) return [compact.startsWith('00') ? [compact, compact.slice(2)] : [compact]];
  const words = [...new Set(wordsOf(folded))].filter((w) => w.length >= 2);
  return words.map((w) => {
    const bare = withoutArticle(w);
    return bare ? [w, bare] : [w];
  });
}

/**
 * Reference semantics of a match, for tests and small lists: every term has an alternative that
 * is a prefix of one of the tokens.
 */
export function matchesQuery(tokens: readonly string[], terms: readonly QueryTerm[]): boolean {
  return terms.every((alts) => alts.some((a) => tokens.some((t) => t.startsWith(a))));
}
