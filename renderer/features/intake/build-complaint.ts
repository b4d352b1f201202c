import { complaintDocSchema, timelineEventDocSchema, UNCONFIRMED_SERVER_FIELDS } from '../../../shared/documents.ts';
import type { ComplaintDoc, TimelineEventDoc } from '../../../shared/documents.ts';
import { cryptoRandom, newTrackingSecret, uuidv7, type RandomBytes } from '../../../shared/ids.ts';
import { takeReference, type HeldBlock } from '../../../shared/reference-number.ts';
import type { FieldErrors } from '../validation.ts';
import { validateIntake, type IntakeValues } from './intake-form.ts';

export type Actor = { id: string; displayName: string };

export type IntakeContext = {
  now: number;
  user: Actor;
  hospitalId: string;
  deskId: string;
  blocks: readonly HeldBlock[];
  random?: RandomBytes;
};

export type IntakeResult =
  | { ok: true; complaint: ComplaintDoc; event: TimelineEventDoc; blocks: HeldBlock[] }
  | { ok: false; errors: FieldErrors };

/**
 * Pure: the intake form plus the desk's held reference blocks become a new complaint, its
 * `created` event and the blocks left. The reference number is final; without a held number
 * there is no complaint (the desk must never invent one).
 */
export function buildIntake(values: IntakeValues, ctx: IntakeContext): IntakeResult {
  const valid = validateIntake(values);
  if (!valid.ok) return valid;
  const taken = takeReference(ctx.blocks, new Date(ctx.now).getFullYear());
  if (!taken) return { ok: false, errors: { reference: { code: 'no_reference_numbers' } } };
  const random = ctx.random ?? cryptoRandom;
  const d = valid.data;
  const complaint: ComplaintDoc = {
    id: uuidv7(ctx.now, random),
    hospitalId: ctx.hospitalId,
    departmentId: d.departmentId,
    referenceNumber: taken.reference,
    sourceCode: d.sourceCode,
    channel: d.channel,
    type: 'complaint',
    title: d.title,
    description: d.description,
    category: d.category,
    severity: d.severity,
    priority: d.priority,
    status: 'PENDING',
    assigneeId: null,
    complainant: d.complainant,
    patient: null,
    resolution: null,
    trackingSecret: newTrackingSecret(random),
    deskId: ctx.deskId,
    createdAt: ctx.now,
    createdBy: ctx.user.id,
    updatedAt: ctx.now,
    updatedBy: ctx.user.id,
    ...UNCONFIRMED_SERVER_FIELDS,
  };
  const event: TimelineEventDoc = {
    id: uuidv7(ctx.now, random),
    complaintId: complaint.id,
    hospitalId: ctx.hospitalId,
    type: 'created',
    at: ctx.now,
    actorId: ctx.user.id,
    actorName: ctx.user.displayName.slice(0, 120),
    field: null,
    from: null,
    to: 'PENDING',
    comment: null,
    visibility: 'public',
    data: { referenceNumber: taken.reference, sourceCode: d.sourceCode, channel: d.channel },
  };
  // The shared schemas are what the server checks: fail here rather than on push.
  complaintDocSchema.parse(complaint);
  timelineEventDocSchema.parse(event);
  return { ok: true, complaint, event, blocks: taken.blocks };
}
