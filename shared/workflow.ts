import type { ComplaintStatus } from './enums.ts';

/**
 * The status workflow from the brief. RESOLVED → IN_PROGRESS is the reopen, which needs a reason.
 * ESCALATED can be entered by the SLA engine from any active state (see `canEscalate`), but by
 * staff only from IN_PROGRESS.
 */
const TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  PENDING: ['ASSIGNED', 'CANCELLED'],
  ASSIGNED: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['WAITING_USER', 'ESCALATED', 'RESOLVED', 'CANCELLED'],
  WAITING_USER: ['IN_PROGRESS'],
  ESCALATED: ['IN_PROGRESS'],
  RESOLVED: ['CLOSED', 'IN_PROGRESS'],
  CLOSED: [],
  CANCELLED: [],
};

export const ACTIVE_STATUSES: readonly ComplaintStatus[] = [
  'PENDING',
  'ASSIGNED',
  'IN_PROGRESS',
  'WAITING_USER',
  'ESCALATED',
];

export function allowedTransitions(from: ComplaintStatus): readonly ComplaintStatus[] {
  return TRANSITIONS[from];
}

export function isActive(status: ComplaintStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

export function canEscalate(status: ComplaintStatus): boolean {
  return isActive(status) && status !== 'ESCALATED';
}

export type TransitionInput = {
  from: ComplaintStatus;
  to: ComplaintStatus;
  comment?: string | null | undefined;
  resolution?: string | null | undefined;
};

export type TransitionError =
  | { code: 'same_status' }
  | { code: 'not_allowed'; allowed: readonly ComplaintStatus[] }
  | { code: 'resolution_required' }
  | { code: 'reason_required' };

/** Validates a staff-initiated status change. Returns null when it is allowed. */
export function checkTransition(input: TransitionInput): TransitionError | null {
  const { from, to } = input;
  if (from === to) return { code: 'same_status' };
  const allowed = TRANSITIONS[from];
  if (!allowed.includes(to)) return { code: 'not_allowed', allowed };
  if (to === 'RESOLVED' && !input.resolution?.trim()) return { code: 'resolution_required' };
  // Reopening a resolved complaint must say why: it is the complainant's case being reopened.
  if (from === 'RESOLVED' && to === 'IN_PROGRESS' && !input.comment?.trim()) return { code: 'reason_required' };
  return null;
}
