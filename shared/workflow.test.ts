import { describe, expect, it } from 'vitest';
import { allowedTransitions, checkTransition, isActive } from './workflow.ts';
import { COMPLAINT_STATUSES } from './enums.ts';

describe('status workflow', () => {
  it('follows the brief: PENDING → ASSIGNED → IN_PROGRESS → RESOLVED → CLOSED', () => {
    expect(checkTransition({ from: 'PENDING', to: 'ASSIGNED' })).toBeNull();
    expect(checkTransition({ from: 'ASSIGNED', to: 'IN_PROGRESS' })).toBeNull();
    expect(checkTransition({ from: 'IN_PROGRESS', to: 'RESOLVED', resolution: 'Fixed the bed' })).toBeNull();
    expect(checkTransition({ from: 'RESOLVED', to: 'CLOSED' })).toBeNull();
  });

  it('refuses skipping steps and leaving terminal states', () => {
    expect(checkTransition({ from: 'PENDING', to: 'RESOLVED', resolution: 'x' })).toMatchObject({ code: 'not_allowed' });
    expect(checkTransition({ from: 'CLOSED', to: 'IN_PROGRESS', comment: 'why' })).toMatchObject({ code: 'not_allowed' });
    expect(checkTransition({ from: 'CANCELLED', to: 'PENDING' })).toMatchObject({ code: 'not_allowed' });
    expect(checkTransition({ from: 'RESOLVED', to: 'CANCELLED' })).toMatchObject({ code: 'not_allowed' });
  });

  it('needs a resolution summary to resolve and a reason to reopen', () => {
    expect(checkTransition({ from: 'IN_PROGRESS', to: 'RESOLVED' })).toEqual({ code: 'resolution_required' });
    expect(checkTransition({ from: 'RESOLVED', to: 'IN_PROGRESS', comment: '  ' })).toEqual({ code: 'reason_required' });
    expect(checkTransition({ from: 'RESOLVED', to: 'IN_PROGRESS', comment: 'Patient called again' })).toBeNull();
  });

  it('toggles WAITING_USER and ESCALATED with IN_PROGRESS', () => {
    for (const s of ['WAITING_USER', 'ESCALATED'] as const) {
      expect(checkTransition({ from: 'IN_PROGRESS', to: s })).toBeNull();
      expect(checkTransition({ from: s, to: 'IN_PROGRESS' })).toBeNull();
    }
  });

  it('only cancels before resolution', () => {
    const cancellable = COMPLAINT_STATUSES.filter((s) => allowedTransitions(s).includes('CANCELLED'));
    expect(cancellable).toEqual(['PENDING', 'ASSIGNED', 'IN_PROGRESS']);
    expect(isActive('RESOLVED')).toBe(false);
    expect(isActive('WAITING_USER')).toBe(true);
  });

  it('treats a non-change as an error', () => {
    expect(checkTransition({ from: 'PENDING', to: 'PENDING' })).toEqual({ code: 'same_status' });
  });
});
