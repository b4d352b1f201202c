import type { ComplaintDoc, TimelineEventDoc } from '../../../shared/documents.ts';
import type { ComplaintStatus, Priority, Severity } from '../../../shared/enums.ts';
import { cryptoRandom, uuidv7, type RandomBytes } from '../../../shared/ids.ts';
import { checkTransition, type TransitionError } from '../../../shared/workflow.ts';
import type { Actor } from '../intake/build-complaint.ts';

/**
 * Pure builders for the detail page's edits: each returns the patch for the complaint and the
 * immutable timeline event that records it. Time, actor and randomness come in as parameters.
 */
export type ChangeContext = { now: number; user: Actor; random?: RandomBytes };
export type ComplaintChange = { patch: Partial<ComplaintDoc>; event: TimelineEventDoc };

/** Strictly after the current version, so a quick second edit is never mistaken for the first. */
const nextUpdatedAt = (c: ComplaintDoc, now: number) => Math.max(now, c.updatedAt + 1);
const clip = (s: string | null, max: number) => (s === null ? null : s.slice(0, max));

function eventFor(c: ComplaintDoc, ctx: ChangeContext, fields: Partial<TimelineEventDoc> & Pick<TimelineEventDoc, 'type'>): TimelineEventDoc {
  return {
    id: uuidv7(ctx.now, ctx.random ?? cryptoRandom),
    complaintId: c.id,
    hospitalId: c.hospitalId,
    at: ctx.now,
    actorId: ctx.user.id,
    actorName: clip(ctx.user.displayName, 120),
    field: null,
    from: null,
    to: null,
    comment: null,
    visibility: 'internal',
    data: {},
    ...fields,
  };
}

const base = (c: ComplaintDoc, ctx: ChangeContext) => ({ updatedAt: nextUpdatedAt(c, ctx.now), updatedBy: ctx.user.id });

export type StatusInput = { to: ComplaintStatus; comment: string; resolution: string };

export function changeStatus(
  c: ComplaintDoc,
  input: StatusInput,
  ctx: ChangeContext,
): { ok: true; change: ComplaintChange } | { ok: false; error: TransitionError } {
  const comment = input.comment.trim() || null;
  const resolution = input.resolution.trim() || null;
  const error = checkTransition({ from: c.status, to: input.to, comment, resolution });
  if (error) return { ok: false, error };
  const patch: Partial<ComplaintDoc> = { status: input.to, ...base(c, ctx) };
  if (input.to === 'RESOLVED') patch.resolution = clip(resolution, 4_000);
  const event = eventFor(c, ctx, {
    type: 'status_changed',
    field: 'status',
    from: c.status,
    to: input.to,
    comment: clip(comment, 4_000),
    visibility: 'public',
    data: input.to === 'RESOLVED' ? { resolution: clip(resolution, 4_000) } : {},
  });
  return { ok: true, change: { patch, event } };
}

export function changeField(
  c: ComplaintDoc,
  field: 'priority' | 'severity',
  value: Priority | Severity,
  ctx: ChangeContext,
): ComplaintChange | null {
  if (c[field] === value) return null;
  return {
    patch: { [field]: value, ...base(c, ctx) },
    event: eventFor(c, ctx, { type: 'field_changed', field, from: c[field], to: value }),
  };
}

export type Named = { id: string; name: string } | null;

export function assign(c: ComplaintDoc, from: Named, to: Named, ctx: ChangeContext): ComplaintChange | null {
  const toId = to?.id ?? null;
  if (c.assigneeId === toId) return null;
  return {
    patch: { assigneeId: toId, ...base(c, ctx) },
    event: eventFor(c, ctx, {
      type: 'assigned',
      field: 'assigneeId',
      from: c.assigneeId,
      to: toId,
      data: { fromName: from?.name ?? null, toName: to?.name ?? null },
    }),
  };
}
