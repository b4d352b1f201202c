import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

/**
 * argon2id with the library's defaults (argon2id, m=19 MiB, t=2, p=1: the OWASP minimum), which
 * costs a few tens of milliseconds per login on the reference machine.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must not turn into a 500 that tells an attacker the user exists.
    return false;
  }
}

/**
 * A hash to verify against when the user does not exist, so an unknown username costs the same
 * time as a wrong password and the answer does not reveal which usernames exist.
 */
export function makeDummyHash(): Promise<string> {
  return hashPassword(randomBytes(24).toString('base64url'));
}

/** A strong password a person can still type: 20 characters from 15 random bytes. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
