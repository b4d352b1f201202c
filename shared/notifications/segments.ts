/**
 * How many SMS a text costs (3GPP TS 23.038 / 23.040). A text made only of the GSM-7 default
 * alphabet travels in 7-bit septets: 160 in one message, 153 per part once split (the user data
 * header takes the rest). Characters of the extension table (€ [ ] { } \ ^ ~ | and form feed)
 * cost two septets (escape + character) and are never split across parts. Anything else — any
 * Arabic letter, an emoji — makes the whole text UCS-2: 70 UTF-16 units in one message, 67 per
 * part, and a surrogate pair (an emoji) is never split across parts either.
 */
export const SMS_ENCODINGS = ['GSM-7', 'UCS-2'] as const;
export type SmsEncoding = (typeof SMS_ENCODINGS)[number];

export const SMS_LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

// The GSM 03.38 default alphabet, in table order (0x1B, the escape, is left out).
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export type SegmentCount = {
  encoding: SmsEncoding;
  /** Characters as a person counts them (code points). */
  characters: number;
  /** What the network counts: septets for GSM-7, UTF-16 units for UCS-2. */
  units: number;
  /** Parts the text is sent in; 0 for an empty text (nothing to send). */
  segments: number;
  /** Units one part holds for this text: the single-message limit, or the per-part one once split. */
  perSegment: number;
  /** Units still free in the last part before another part is needed. */
  remaining: number;
};

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENSION.has(ch)) return false;
  return true;
}

/** The cost of each character in units, in order (a surrogate pair is one character of 2 units). */
function unitCosts(text: string, encoding: SmsEncoding): number[] {
  const costs: number[] = [];
  for (const ch of text) costs.push(encoding === 'GSM-7' ? (EXTENSION.has(ch) ? 2 : 1) : ch.length);
  return costs;
}

/** Greedy packing into parts of `size` units without splitting a character. */
function partsOf(costs: readonly number[], size: number): { parts: number; lastUsed: number } {
  let parts = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > size) {
      parts += 1;
      used = 0;
    }
    used += cost;
  }
  return { parts, lastUsed: used };
}

export function countSegments(text: string): SegmentCount {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const limits = SMS_LIMITS[encoding];
  const costs = unitCosts(text, encoding);
  const units = costs.reduce((a, b) => a + b, 0);
  const characters = costs.length;
  if (units === 0) return { encoding, characters, units, segments: 0, perSegment: limits.single, remaining: limits.single };
  if (units <= limits.single) {
    return { encoding, characters, units, segments: 1, perSegment: limits.single, remaining: limits.single - units };
  }
  const { parts, lastUsed } = partsOf(costs, limits.part);
  return { encoding, characters, units, segments: parts, perSegment: limits.part, remaining: limits.part - lastUsed };
}
