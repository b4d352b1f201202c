/**
 * Sortable ids (UUIDv7: 48-bit millisecond time then randomness) and tracking secrets. Time and
 * randomness are passed in so callers in tests stay deterministic; `crypto.getRandomValues` is
 * the production source on both Node and the browser.
 */
export type RandomBytes = (n: number) => Uint8Array;

// Web Crypto exists on Node ≥ 20 and in every browser; typed here so shared/ needs no DOM lib.
type WebCrypto = { getRandomValues<T extends Uint8Array>(array: T): T };
export const cryptoRandom: RandomBytes = (n) =>
  (globalThis as unknown as { crypto: WebCrypto }).crypto.getRandomValues(new Uint8Array(n));

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += B64URL[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

export function uuidv7(nowMs: number, random: RandomBytes = cryptoRandom): string {
  const bytes = random(16);
  let t = Math.floor(nowMs);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** 128 random bits, base64url (22 characters): unguessable, short enough for an SMS link. */
export function newTrackingSecret(random: RandomBytes = cryptoRandom): string {
  return base64url(random(16));
}

export function trackingPath(reference: string): string {
  return `/complaints/track/${encodeURIComponent(reference)}/`;
}

/** The link sent by SMS and printed on the receipt: the secret rides in the query string. */
export function trackingUrl(baseUrl: string, reference: string, secret: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${trackingPath(reference)}?s=${encodeURIComponent(secret)}`;
}
