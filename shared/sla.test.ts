import { describe, expect, it } from 'vitest';
import type { SlaConfigDoc } from './documents.ts';
import { dueAtFor, slaHoursFor, type SlaSubject } from './sla.ts';

const config = (over: Partial<SlaConfigDoc>): SlaConfigDoc => ({
  id: 'cfg', hospitalId: 'h1', sourceCode: null, severity: null, priority: null, slaHours: 10,
  firstReminderHoursAfter: null, secondReminderHoursAfter: null, escalationHoursAfter: null,
  reminderHoursBefore: 24, secondReminderEnabled: true, secondReminderHoursBefore: 6,
  thankYouEnabled: false, active: true, updatedAt: 0, ...over,
});

const complaint: SlaSubject = { hospitalId: 'h1', sourceCode: 'MOH', severity: 'high', priority: 'urgent', type: 'complaint' };

describe('SLA precedence', () => {
  const moh = config({ id: 'moh', sourceCode: 'MOH', slaHours: 24 });
  const highUrgent = config({ id: 'hu', severity: 'high', priority: 'urgent', slaHours: 8 });

  it('uses the source-based configuration of the hospital first', () => {
    expect(slaHoursFor(complaint, [highUrgent, moh])).toBe(24);
  });

  it('ignores another hospital’s and inactive configurations', () => {
    const otherHospital = config({ id: 'x', hospitalId: 'h2', sourceCode: 'MOH', slaHours: 1 });
    const inactive = config({ id: 'y', sourceCode: 'MOH', slaHours: 2, active: false });
    expect(slaHoursFor(complaint, [otherHospital, inactive, highUrgent])).toBe(8);
  });

  it('falls back to severity and priority, the most specific match winning', () => {
    const severityOnly = config({ id: 's', severity: 'high', slaHours: 12 });
    const wrongPriority = config({ id: 'w', severity: 'high', priority: 'low', slaHours: 99 });
    const patient = { ...complaint, sourceCode: 'PATIENT' };
    expect(slaHoursFor(patient, [severityOnly, wrongPriority, highUrgent])).toBe(8);
    expect(slaHoursFor(patient, [severityOnly, wrongPriority])).toBe(12);
    expect(slaHoursFor(patient, [wrongPriority])).toBe(48);
  });

  it('then the server default for the severity, then 48 hours', () => {
    expect(slaHoursFor(complaint, [], { high: 36 })).toBe(36);
    expect(slaHoursFor(complaint, [], { low: 96 })).toBe(48);
  });

  it('gives appreciations no SLA', () => {
    expect(slaHoursFor({ ...complaint, type: 'appreciation' }, [moh])).toBeNull();
    expect(dueAtFor({ ...complaint, type: 'appreciation', createdAt: 5 }, [moh])).toBeNull();
  });

  it('puts the due time the SLA hours after creation', () => {
    const createdAt = Date.UTC(2026, 0, 1, 8);
    expect(dueAtFor({ ...complaint, createdAt }, [moh])).toBe(Date.UTC(2026, 0, 2, 8));
  });
});
