import { describe, expect, it } from 'vitest';
import { complaintDocSchema, timelineEventDocSchema } from '../../../shared/documents.ts';
import { buildIntake } from './build-complaint.ts';
import { emptyIntake, type IntakeValues } from './intake-form.ts';

const now = new Date(2026, 3, 14, 10, 30).getTime();
const ctx = {
  now,
  user: { id: 'u1', displayName: 'Desk Agent' },
  hospitalId: 'h1',
  deskId: 'desk-1',
  blocks: [{ year: 2026, start: 120, end: 169, next: 125 }],
};
const filled: IntakeValues = {
  ...emptyIntake('ar'),
  sourceCode: 'MOH',
  channel: 'phone',
  title: '  Long wait at the ER  ',
  description: 'Waited four hours.',
  priority: 'high',
  category: ' waiting ',
  departmentId: 'd1',
  name: 'Fatimah',
  phone: '٠٥٠١٢٣٤٥٦٧',
  email: '',
};

describe('intake builder', () => {
  it('makes a pending complaint with the next held reference number and its public created event', () => {
    const r = buildIntake(filled, ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.complaint.referenceNumber).toBe('CMP-2026-000125');
    expect(r.blocks).toEqual([{ year: 2026, start: 120, end: 169, next: 126 }]);
    expect(r.complaint).toMatchObject({
      status: 'PENDING',
      title: 'Long wait at the ER',
      category: 'waiting',
      departmentId: 'd1',
      hospitalId: 'h1',
      deskId: 'desk-1',
      createdAt: now,
      updatedAt: now,
      createdBy: 'u1',
      complainant: { name: 'Fatimah', phone: '+966501234567', email: null, language: 'ar', smsOptOut: false },
      dueAt: null,
      overdue: false,
      reminderLevel: 0,
      escalationLevel: 0,
      referenceConfirmed: false,
      trackingConfirmed: false,
    });
    expect(r.complaint.trackingSecret.length).toBeGreaterThanOrEqual(22);
    expect(r.event).toMatchObject({ type: 'created', complaintId: r.complaint.id, visibility: 'public', at: now, actorId: 'u1' });
    expect(r.event.id).not.toBe(r.complaint.id);
    expect(complaintDocSchema.safeParse(r.complaint).success).toBe(true);
    expect(timelineEventDocSchema.safeParse(r.event).success).toBe(true);
  });

  it('reports each invalid field by its document path', () => {
    const r = buildIntake({ ...filled, sourceCode: '', title: 'ab', description: ' ', name: '', phone: '12', email: 'not-mail' }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      sourceCode: { code: 'required' },
      title: { code: 'too_small', minimum: 3 },
      description: { code: 'required' },
      'complainant.name': { code: 'required' },
      'complainant.phone': { code: 'invalid_phone' },
      'complainant.email': { code: 'invalid_format' },
    });
  });

  it('says an empty title is required and a short one too short', () => {
    const empty = buildIntake({ ...filled, title: '  ' }, ctx);
    const short = buildIntake({ ...filled, title: 'ab' }, ctx);
    expect(!empty.ok && empty.errors.title).toEqual({ code: 'required' });
    expect(!short.ok && short.errors.title).toEqual({ code: 'too_small', minimum: 3 });
  });

  it('refuses to create a complaint without a held number for this year — no invented reference', () => {
    const lastYearOnly = { ...ctx, blocks: [{ year: 2025, start: 1, end: 50, next: 1 }] };
    expect(buildIntake(filled, lastYearOnly)).toEqual({ ok: false, errors: { reference: { code: 'no_reference_numbers' } } });
    expect(buildIntake(filled, { ...ctx, blocks: [] })).toEqual({ ok: false, errors: { reference: { code: 'no_reference_numbers' } } });
  });

  it('accepts an international phone and a valid e-mail', () => {
    const r = buildIntake({ ...filled, phone: '+44 20 7946 0958', email: ' a.b@example.org ', language: 'en' }, ctx);
    expect(r.ok && r.complaint.complainant).toEqual({
      name: 'Fatimah',
      phone: '+442079460958',
      email: 'a.b@example.org',
      language: 'en',
      smsOptOut: false,
    });
  });
});
