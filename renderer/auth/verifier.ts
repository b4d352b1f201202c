/**
 * Offline login: a PBKDF2-SHA256 verifier of the password, made at each online login and kept in
 * the device database. The password itself is never stored. Web Crypto only (browser, Electron
 * renderer and Node ≥ 20 alike).
 */
export type Verifier = { alg: 'PBKDF2-SHA256'; iterations: number; salt: string; hash: string };

export const VERIFIER_ITERATIONS = 210_000;
const HASH_BITS = 256;

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

export async function makeVerifier(password: string, iterations = VERIFIER_ITERATIONS): Promise<Verifier> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  return { alg: 'PBKDF2-SHA256', iterations, salt: toHex(salt), hash: toHex(hash) };
}

export async function checkVerifier(password: string, verifier: Verifier): Promise<boolean> {
  if (verifier.alg !== 'PBKDF2-SHA256' || verifier.iterations < 1) return false;
  const actual = await derive(password, fromHex(verifier.salt), verifier.iterations);
  const expected = fromHex(verifier.hash);
  if (actual.length !== expected.length) return false;
  // Compare every byte: no early exit that would time the position of the first difference.
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return diff === 0;
}
