/**
 * Appreciation or complaint? A suggestion at intake from Arabic and English phrase rules (source
 * document 002 listed keywords of both kinds); staff confirm or override it, and only an
 * appreciation skips the SLA. Ties go to "complaint": wrongly skipping an SLA is the worse error.
 *
 * Rules are word stems: a rule matches a word that starts with it (`thank` → thanks, thankful;
 * `شكر` → شكرا، شكراً، اشكركم), after Arabic normalisation and after taking off one Arabic proclitic
 * (و ف ب ل ك ال وال بال لل فال كال). A stem ending in `$` must match the whole word. A rule of
 * several words matches consecutive words. An appreciation word right after a negation
 * ("not great", "غير ممتاز", "ليس جيد") counts for the complaint side instead.
 */

export type TypeSuggestion = {
  type: 'complaint' | 'appreciation';
  /** The phrases (as written in the rules) that support the suggested type. */
  matched: string[];
  /** The phrases that pointed the other way. */
  against: string[];
};

const APPRECIATION_RULES = [
  'thank', 'grateful', 'gratitude', 'appreciat', 'excellent', 'great', 'wonderful', 'amazing',
  'outstanding', 'fantastic', 'superb', 'impressed', 'kudos', 'praise', 'compliment',
  'well done', 'good job', 'good care', 'very good', 'helpful', 'caring',
  'شكر', 'اشكر', 'نشكر', 'مشكور', 'شاكر', 'ممتن', 'ممتاز', 'رايع', 'اروع', 'مدهش', 'بارك الله', 'جزاك', 'جزاهم',
  'احسنت', 'متميز', 'تميز', 'مميز', 'امتنان', 'ثناء', 'اشيد', 'نشيد', 'جهود', 'سعدا', 'يعطيك العافيه',
  'خدمه راقيه', 'تعامل راقي',
];

const COMPLAINT_RULES = [
  'problem', 'issue', 'complain', 'bad$', 'badly', 'terrible', 'horrible', 'awful', 'poor', 'rude', 'delay',
  'late$', 'wait', 'unacceptable', 'disappoint', 'worst', 'mistake', 'error', 'wrong', 'refus',
  'ignor', 'neglect', 'dirty', 'angry', 'upset', 'unprofessional', 'negligen', 'lost', 'overcharg',
  'pain', 'cancel',
  'مشكل', 'مشاكل', 'شكوي', 'اشتكي', 'نشتكي', 'سيء', 'سيي', 'سوء', 'ردي', 'مخيب', 'خيبه', 'تاخير', 'تاخر', 'متاخر',
  'انتظار', 'انتظرت', 'اهمال', 'مهمل', 'غاضب', 'زعلان', 'استياء', 'مستاء', 'وقح', 'خطا$', 'اخطاء',
  'رفض', 'تجاهل', 'قذر', 'وسخ', 'الم$', 'اسوا', 'فوضي', 'ظلم',
];

const NEGATIONS = new Set([
  'not', 'no', 'never', 'isn', 'wasn', 'weren', 'didn', 'don', 'doesn', 'hardly', 'nothing',
  'غير', 'ليس', 'ليست', 'لم', 'لا', 'مو', 'مش', 'بدون',
]);

const PROCLITICS = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك'];

/** Arabic spelling variants to one form, English to lower case. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED]/g, '') // diacritics (tashkeel), dagger alef, Quranic marks
    .replace(/\u0640/g, '') // tatweel
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[’‘`]/g, "'")
    .replace(/(\p{L})\1{2,}/gu, '$1'); // drawn-out letters: ممتاااز, thaaanks
}

function tokens(text: string): string[] {
  return normaliseText(text).split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

/** The word itself and the word without one proclitic (keeping at least two letters). */
function forms(word: string): string[] {
  const out = [word];
  for (const p of PROCLITICS) if (word.startsWith(p) && word.length - p.length >= 2) out.push(word.slice(p.length));
  return out;
}

type Rule = { phrase: string; stems: { text: string; whole: boolean }[] };
const compile = (phrase: string): Rule => ({
  phrase,
  stems: tokens(phrase.replace(/\$$/, '')).map((text, i, all) => ({ text, whole: phrase.endsWith('$') && i === all.length - 1 })),
});
const APPRECIATION = APPRECIATION_RULES.map(compile);
const COMPLAINT = COMPLAINT_RULES.map(compile);

function matchesAt(words: readonly string[], i: number, rule: Rule): boolean {
  return rule.stems.every((stem, j) => {
    const word = words[i + j];
    return word !== undefined && forms(word).some((f) => (stem.whole ? f === stem.text : f.startsWith(stem.text)));
  });
}

function negated(words: readonly string[], i: number): boolean {
  return [words[i - 1], words[i - 2]].some((w) => w !== undefined && NEGATIONS.has(w));
}

export function suggestType(text: string): TypeSuggestion {
  const words = tokens(text);
  const praise = new Set<string>();
  const complaint = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (const rule of APPRECIATION) {
      if (!matchesAt(words, i, rule)) continue;
      (negated(words, i) ? complaint : praise).add(rule.phrase);
    }
    for (const rule of COMPLAINT) if (matchesAt(words, i, rule)) complaint.add(rule.phrase);
  }
  const appreciation = praise.size > complaint.size;
  return appreciation
    ? { type: 'appreciation', matched: [...praise], against: [...complaint] }
    : { type: 'complaint', matched: [...complaint], against: [...praise] };
}
