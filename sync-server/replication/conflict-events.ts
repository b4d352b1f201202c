import { createHash } from 'node:crypto';
import type { ComplaintDoc, TimelineEventDoc } from '../../shared/documents.ts';
import type { LostEdit } from '../../shared/merge.ts';
import { stableStringify } from '../../shared/merge.ts';

/**
 * A desk's edit that lost a clash is kept visible as a `conflict_resolved` event. Its id is
 * derived from what was lost, so replaying the same push finds the same event instead of adding
 * another.
 */
export function conflictEventId(complaintId: string, field: string, lost: unknown, incomingUpdatedAt: number): string {
  const hex = createHash('sha256')
    .update(`${complaintId}\u0000${field}\u0000${stableStringify(lost)}\u0000${incomingUpdatedAt}`)
    .digest('hex');
  // Shaped like a UUID (36 characters, within the 40 an id may have).
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const FIELD_TEXT_MAX = 200;

/** `from`/`to` are short texts on the timeline; the full values stay in `data`. */
export function asFieldText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value : stableStringify(value);
  return text.length > FIELD_TEXT_MAX ? `${text.slice(0, FIELD_TEXT_MAX - 1)}…` : text;
}

export function conflictEvent(
  current: ComplaintDoc,
  incoming: ComplaintDoc,
  lost: LostEdit,
  deskId: string,
  now: number,
): TimelineEventDoc {
  return {
    id: conflictEventId(current.id, lost.field, lost.lost, incoming.updatedAt),
    complaintId: current.id,
    hospitalId: current.hospitalId,
    type: 'conflict_resolved',
    at: now,
    actorId: null,
    actorName: null,
    field: lost.field,
    from: asFieldText(lost.kept),
    to: asFieldText(lost.lost),
    comment: null,
    visibility: 'internal',
    data: { deskId, lostBy: incoming.updatedBy, keptValue: lost.kept ?? null, lostValue: lost.lost ?? null },
  };
}
