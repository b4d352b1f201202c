import { DESK_WRITABLE_COMPLAINT_FIELDS, type ComplaintDoc, type DeskWritableField } from './documents.ts';

/**
 * Three-way merge of a desk's offline edit into the server's current complaint.
 *
 * For each desk-writable field: if the desk did not change it (relative to the state it last saw)
 * the server's value stays; if only the desk changed it, the desk's value is taken; if both
 * changed it to different values, the value that reached the server first stays and the desk's
 * value is reported as a lost edit, so it can be shown on the timeline (`conflict_resolved`)
 * instead of vanishing.
 */
export type LostEdit = { field: DeskWritableField; kept: unknown; lost: unknown };
export type MergeResult = {
  merged: ComplaintDoc;
  changed: DeskWritableField[];
  lost: LostEdit[];
};

export function sameValue(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

export function stableStringify(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

export function mergeComplaint(
  current: ComplaintDoc,
  assumed: ComplaintDoc | null,
  incoming: ComplaintDoc,
): MergeResult {
  const merged: ComplaintDoc = { ...current };
  const changed: DeskWritableField[] = [];
  const lost: LostEdit[] = [];
  if (assumed === null) {
    // The desk believed the complaint was new, so this replays its insert (the first answer was
    // lost on the way back). Nothing is overwritten on that basis: every field where the desk
    // differs is a lost edit, and an exact replay changes nothing.
    for (const field of DESK_WRITABLE_COMPLAINT_FIELDS) {
      if (!sameValue(incoming[field], current[field])) lost.push({ field, kept: current[field], lost: incoming[field] });
    }
    return { merged, changed, lost };
  }
  const base = assumed;
  for (const field of DESK_WRITABLE_COMPLAINT_FIELDS) {
    const mine = incoming[field];
    const theirs = current[field];
    if (sameValue(mine, base[field]) || sameValue(mine, theirs)) continue;
    if (sameValue(theirs, base[field])) {
      (merged as Record<DeskWritableField, unknown>)[field] = mine;
      changed.push(field);
    } else {
      lost.push({ field, kept: theirs, lost: mine });
    }
  }
  if (changed.length > 0) {
    merged.updatedAt = Math.max(current.updatedAt, incoming.updatedAt);
    merged.updatedBy = incoming.updatedBy;
  }
  return { merged, changed, lost };
}
