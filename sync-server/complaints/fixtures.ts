import type { HospitalSummary, LeaseResponse } from '../../shared/api.ts';
import type { ComplaintDoc, TimelineEventDoc } from '../../shared/documents.ts';
import { newTrackingSecret, uuidv7 } from '../../shared/ids.ts';
import { formatReference } from '../../shared/reference-number.ts';
import type { PushResponse, PushRow, PushableCollection, WireDoc } from '../../shared/replication.ts';
import { createDepartment, createHospital, createSourceSlaConfigs, createUser } from '../bootstrap.ts';
import { withTx } from '../db/pool.ts';
import { TEST_ADMIN_PASSWORD, type CallResult, type TestServer } from '../test/server.ts';

/**
 * Test fixtures for the replication and complaint tests (not a test file itself): two hospitals,
 * a desk user in each, a group admin, and builders for desk documents and pushes.
 */
export const DESK_PASSWORD = 'desk-password-123';

export type World = {
  srv: TestServer;
  main: HospitalSummary;
  north: { id: string };
  mainDepartmentId: string;
  northDepartmentId: string;
  tokens: { admin: string; mainDesk: string; northDesk: string };
  users: { admin: string; mainDesk: string; northDesk: string };
};

export async function setupWorld(srv: TestServer): Promise<World> {
  const admin = await srv.login('admin', TEST_ADMIN_PASSWORD);
  const hospitals = await srv.call<HospitalSummary[]>('GET', '/api/v1/hospitals', { token: admin.accessToken });
  const main = hospitals.body.find((h) => h.code === 'MAIN');
  if (!main) throw new Error('bootstrap made no MAIN hospital');
  const now = srv.deps.clock.now();
  const made = await withTx(srv.db.pool, async (tx) => {
    const north = await createHospital(tx, { code: 'NORTH', nameEn: 'North Hospital', nameAr: 'مستشفى الشمال', now });
    const northDept = await createDepartment(tx, { hospitalId: north.id, code: 'ER', nameEn: 'Emergency', nameAr: 'الطوارئ', now });
    await createSourceSlaConfigs(tx, north.id, now);
    const mainDesk = await createUser(tx, {
      username: 'desk_main', displayName: 'Main Desk', role: 'desk_agent', hospitalId: main.id, password: DESK_PASSWORD, now,
    });
    const northDesk = await createUser(tx, {
      username: 'desk_north', displayName: 'North Desk', role: 'desk_agent', hospitalId: north.id, password: DESK_PASSWORD, now,
    });
    const { rows } = await tx.query<{ id: string }>(
      `SELECT id FROM departments WHERE hospital_id = $1 ORDER BY doc->>'code' LIMIT 1`,
      [main.id],
    );
    return { north, northDept, mainDesk, northDesk, mainDeptId: rows[0]?.id ?? '' };
  });
  const mainDesk = await srv.login('desk_main', DESK_PASSWORD);
  const northDesk = await srv.login('desk_north', DESK_PASSWORD);
  return {
    srv,
    main,
    north: { id: made.north.id },
    mainDepartmentId: made.mainDeptId,
    northDepartmentId: made.northDept.id,
    tokens: { admin: admin.accessToken, mainDesk: mainDesk.accessToken, northDesk: northDesk.accessToken },
    users: { admin: admin.user.id, mainDesk: made.mainDesk.id, northDesk: made.northDesk.id },
  };
}

export async function lease(
  srv: TestServer,
  token: string,
  hospitalId: string,
  size = 50,
  year = new Date(srv.deps.clock.now()).getUTCFullYear(),
): Promise<LeaseResponse> {
  const res = await srv.call<LeaseResponse>('POST', '/api/v1/reference-blocks', {
    token,
    body: { deskId: 'desk-1', hospitalId, year, size },
  });
  if (res.status !== 200) throw new Error(`lease failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A complaint as a desk creates it offline (server-owned fields left at the desk's defaults). */
export function deskComplaint(
  hospitalId: string,
  block: LeaseResponse,
  n: number,
  userId: string,
  now: number,
  over: Partial<ComplaintDoc> = {},
): ComplaintDoc {
  return {
    id: uuidv7(now),
    hospitalId,
    departmentId: null,
    referenceNumber: formatReference(block.year, block.start + n),
    sourceCode: 'PATIENT',
    channel: 'walk_in',
    type: 'complaint',
    title: 'Long wait in the clinic',
    description: 'Waited four hours without news; staff member Ahmad was rude.',
    category: null,
    severity: 'medium',
    priority: 'medium',
    status: 'PENDING',
    assigneeId: null,
    complainant: { name: 'Sara Al-Harbi', phone: '+966501234567', email: null, language: 'ar', smsOptOut: false },
    patient: null,
    resolution: null,
    trackingSecret: newTrackingSecret(),
    deskId: 'desk-1',
    createdAt: now,
    createdBy: userId,
    updatedAt: now,
    updatedBy: userId,
    dueAt: null,
    overdue: false,
    reminderLevel: 0,
    escalationLevel: 0,
    lastReminderAt: null,
    escalatedAt: null,
    referenceConfirmed: false,
    trackingConfirmed: false,
    ...over,
  };
}

export function deskEvent(complaint: ComplaintDoc, userId: string, now: number, over: Partial<TimelineEventDoc> = {}): TimelineEventDoc {
  return {
    id: uuidv7(now),
    complaintId: complaint.id,
    hospitalId: complaint.hospitalId,
    type: 'created',
    at: now,
    actorId: userId,
    actorName: 'Main Desk',
    field: null,
    from: null,
    to: null,
    comment: null,
    visibility: 'public',
    data: {},
    ...over,
  };
}

export const wire = <T extends object>(doc: T, deleted = false): T & { _deleted: boolean } => ({ ...doc, _deleted: deleted });

export function push<C extends PushableCollection>(
  srv: TestServer,
  token: string,
  collection: C,
  hospitalId: string,
  rows: PushRow<C>[],
  deskId = 'desk-1',
): Promise<CallResult<PushResponse<C>>> {
  return srv.call<PushResponse<C>>('POST', `/api/v1/replication/${collection}/push?hospitalId=${encodeURIComponent(hospitalId)}`, {
    token,
    body: { deskId, rows },
  });
}

/** Pushes a brand-new complaint and returns the server's state of it. */
export async function pushNew(srv: TestServer, token: string, doc: ComplaintDoc): Promise<WireDoc<'complaints'>> {
  const res = await push(srv, token, 'complaints', doc.hospitalId, [{ assumedMasterState: null, newDocumentState: wire(doc) }]);
  if (res.status !== 200) throw new Error(`push failed: ${res.status} ${JSON.stringify(res.body)}`);
  const state = res.body.conflicts.find((c) => c.id === doc.id);
  if (!state) throw new Error('a new complaint comes back with the server-owned fields set');
  return state;
}

export async function pullAll<T = Record<string, unknown>>(
  srv: TestServer,
  token: string,
  collection: string,
  hospitalId: string,
  seq = 0,
  limit = 200,
): Promise<{ documents: (T & { _deleted: boolean })[]; checkpoint: { seq: number } }> {
  const res = await srv.call<{ documents: (T & { _deleted: boolean })[]; checkpoint: { seq: number } }>(
    'GET',
    `/api/v1/replication/${collection}/pull?hospitalId=${encodeURIComponent(hospitalId)}&seq=${seq}&limit=${limit}`,
    { token },
  );
  if (res.status !== 200) throw new Error(`pull failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
