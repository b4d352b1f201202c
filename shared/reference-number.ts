/** `CMP-YYYY-NNNNNN`: year of intake and a group-wide counter of at least six digits. */
const REFERENCE_RE = /^CMP-(\d{4})-(\d{6,})$/;

export function formatReference(year: number, n: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`bad year ${year}`);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`bad reference counter ${n}`);
  return `CMP-${year}-${String(n).padStart(6, '0')}`;
}

export function parseReference(ref: string): { year: number; n: number } | null {
  const m = REFERENCE_RE.exec(ref.trim().toUpperCase());
  if (!m || !m[1] || !m[2]) return null;
  const n = Number(m[2]);
  if (!Number.isSafeInteger(n) || n < 1) return null;
  return { year: Number(m[1]), n };
}

export function isReference(value: string): boolean {
  return parseReference(value) !== null;
}

/** A block of reference numbers leased by the server to one desk: `start`..`end` inclusive. */
export type ReferenceBlock = { year: number; start: number; end: number };

/** A leased block as the desk keeps it: `next` is the first number not yet handed out. */
export type HeldBlock = ReferenceBlock & { next: number };

/**
 * Hands out the next number for `year` from the desk's held blocks. Pure: returns the new list,
 * from which exhausted blocks and blocks of past years are dropped. Null when no block for that
 * year is left (the desk must lease one before it can give a final number).
 */
export function takeReference(
  blocks: readonly HeldBlock[],
  year: number,
): { reference: string; blocks: HeldBlock[] } | null {
  const live = blocks.filter((b) => b.year >= year && b.next <= b.end);
  const i = live.findIndex((b) => b.year === year);
  const block = live[i];
  if (!block) return null;
  const reference = formatReference(year, block.next);
  const updated = { ...block, next: block.next + 1 };
  const rest = live.slice();
  if (updated.next > updated.end) rest.splice(i, 1);
  else rest[i] = updated;
  return { reference, blocks: rest };
}

export function remainingInYear(blocks: readonly HeldBlock[], year: number): number {
  return blocks
    .filter((b) => b.year === year)
    .reduce((sum, b) => sum + Math.max(0, b.end - b.next + 1), 0);
}
