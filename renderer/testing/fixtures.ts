import type {
  ComplaintDoc,
  DepartmentDoc,
  HospitalDoc,
  SlaConfigDoc,
  SourceDoc,
  StaffDoc,
  TimelineEventDoc,
} from '../../shared/documents.ts';
import { UNCONFIRMED_SERVER_FIELDS } from '../../shared/documents.ts';
import { formatReference } from '../../shared/reference-number.ts';
import { uuidv7 } from '../../shared/ids.ts';

/** Valid sample documents for the renderer's unit tests. */
const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);

export function complaint(n: number, overrides: Partial<ComplaintDoc> = {}): ComplaintDoc {
  const at = T0 + n * 60_000;
  return {
    id: uuidv7(at),
    hospitalId: 'h1',
    departmentId: null,
    referenceNumber: formatReference(2026, n + 1),
    sourceCode: 'PATIENT',
    channel: 'walk_in',
    type: 'complaint',
    title: `Complaint number ${n}`,
    description: 'Waited four hours in the emergency department.',
    category: null,
    severity: 'medium',
    priority: 'medium',
    status: 'PENDING',
    assigneeId: null,
    complainant: { name: `Person ${n}`, phone: '+966501234567', email: null, language: 'ar', smsOptOut: false },
    patient: null,
    resolution: null,
    trackingSecret: 'abcdefghijklmnopqrstuv',
    deskId: 'desk-1',
    createdAt: at,
    createdBy: 'u1',
    updatedAt: at,
    updatedBy: 'u1',
    ...UNCONFIRMED_SERVER_FIELDS,
    ...overrides,
  };
}

export function event(c: ComplaintDoc, overrides: Partial<TimelineEventDoc> = {}): TimelineEventDoc {
  return {
    id: uuidv7(c.createdAt),
    complaintId: c.id,
    hospitalId: c.hospitalId,
    type: 'created',
    at: c.createdAt,
    actorId: c.createdBy,
    actorName: 'Desk Agent',
    field: null,
    from: null,
    to: 'PENDING',
    comment: null,
    visibility: 'public',
    data: {},
    ...overrides,
  };
}

export const hospital: HospitalDoc = { id: 'h1', code: 'MAIN', nameEn: 'Main Hospital', nameAr: 'المستشفى الرئيسي', active: true, updatedAt: T0 };

export const department: DepartmentDoc = {
  id: 'd1',
  hospitalId: 'h1',
  code: 'ER',
  nameEn: 'Emergency',
  nameAr: 'الطوارئ',
  managerId: null,
  active: true,
  updatedAt: T0,
};

export const staff: StaffDoc = {
  id: 'u1',
  hospitalId: 'h1',
  username: 'desk',
  displayName: 'Desk Agent',
  role: 'desk_agent',
  departmentId: null,
  reportsToId: null,
  active: true,
  updatedAt: T0,
};

export const source: SourceDoc = { id: 's1', code: 'PATIENT', nameEn: 'Patient', nameAr: 'المريض', kind: 'internal', active: true, updatedAt: T0 };

export const slaConfig: SlaConfigDoc = {
  id: 'sla1',
  hospitalId: 'h1',
  sourceCode: 'MOH',
  severity: null,
  priority: null,
  slaHours: 24,
  firstReminderHoursAfter: 12,
  secondReminderHoursAfter: 30,
  escalationHoursAfter: 24,
  reminderHoursBefore: 12,
  secondReminderEnabled: true,
  secondReminderHoursBefore: 6,
  thankYouEnabled: false,
  active: true,
  updatedAt: T0,
};

let counter = 0;
/** RxDB keeps memory-storage databases by name within a process: every test gets its own. */
export const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;
