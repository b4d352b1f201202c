import type { HospitalSummary } from '../../shared/api.ts';
import type { ComplaintDetail, EventView } from '../complaints/view.ts';
import { withTx } from '../db/pool.ts';
import { createDepartment, createUser } from '../directory.ts';
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '../test/server.ts';
import { startScheduler, type RunningScheduler, type SchedulerOptions } from './scheduler.ts';

/**
 * Fixtures of the SLA tests (not a test file): a test server on the manual clock whose scheduler
 * the test holds, so that after moving the clock it can wait until the scheduler has acted
 * (`advance`) instead of sleeping; a department with a named manager; a hospital admin, a PX
 * admin and a CEO; and a compact view of a complaint's timeline.
 */
export const START = '2026-03-01T06:00:00.000Z';
export const HOUR = 3_600_000;
export const PASSWORD = 'sla-staff-password-1';

export type SlaWorld = {
  srv: TestServer;
  scheduler: RunningScheduler;
  admin: string;
  main: HospitalSummary;
  departmentId: string;
  staff: { manager: string; hospitalAdmin: string; pxAdmin: string; ceo: string; desk: string };
  names: Map<string, string>;
  /** Restarts the scheduler (e.g. with other options); the old one is stopped first. */
  restartScheduler(options?: SchedulerOptions): Promise<RunningScheduler>;
};

export async function startSlaWorld(options: SchedulerOptions = {}): Promise<SlaWorld> {
  const srv = await startTestServer({ services: false, env: { CLOCK_START: START } });
  const admin = (await srv.login('admin', TEST_ADMIN_PASSWORD)).accessToken;
  const hospitals = await srv.call<HospitalSummary[]>('GET', '/api/v1/hospitals', { token: admin });
  const main = hospitals.body.find((h) => h.code === 'MAIN');
  if (!main) throw new Error('bootstrap made no MAIN hospital');
  const now = srv.deps.clock.now();
  const made = await withTx(srv.db.pool, async (tx) => {
    const user = (username: string, displayName: string, role: 'department_manager' | 'hospital_admin' | 'px_admin' | 'ceo' | 'desk_agent') =>
      createUser(tx, { username, displayName, role, hospitalId: main.id, password: PASSWORD, now });
    const manager = await user('sla_manager', 'Dr. Manager', 'department_manager');
    const hospitalAdmin = await user('sla_hadmin', 'Hospital Admin', 'hospital_admin');
    const pxAdmin = await user('sla_px', 'PX Admin', 'px_admin');
    const ceo = await user('sla_ceo', 'CEO', 'ceo');
    const desk = await user('sla_desk', 'Desk', 'desk_agent');
    const dept = await createDepartment(tx, { hospitalId: main.id, code: 'QA', nameEn: 'Quality', nameAr: 'الجودة', managerId: manager.id, now });
    return { manager, hospitalAdmin, pxAdmin, ceo, desk, dept };
  });
  let scheduler = await startScheduler(srv.deps, options);
  const staff = {
    manager: made.manager.id,
    hospitalAdmin: made.hospitalAdmin.id,
    pxAdmin: made.pxAdmin.id,
    ceo: made.ceo.id,
    desk: made.desk.id,
  };
  const names = new Map(Object.entries(staff).map(([k, v]) => [v, k]));
  const world: SlaWorld = {
    srv,
    get scheduler() {
      return scheduler;
    },
    admin,
    main,
    departmentId: made.dept.id,
    staff,
    names,
    async restartScheduler(next: SchedulerOptions = options) {
      await scheduler.stop();
      scheduler = await startScheduler(srv.deps, next);
      return scheduler;
    },
  };
  return world;
}

export async function stopSlaWorld(w: SlaWorld | undefined): Promise<void> {
  if (!w) return;
  await w.scheduler.stop();
  await w.srv.close();
}

/** Moves the manual clock through the HTTP API, then waits until the scheduler has acted on it. */
export async function advance(w: SlaWorld, ms: number): Promise<void> {
  const res = await w.srv.call('POST', '/api/v1/clock', { token: w.admin, body: { advanceMinutes: ms / 60_000 } });
  if (res.status !== 200) throw new Error(`clock: ${res.status} ${JSON.stringify(res.body)}`);
  await w.scheduler.settled();
}

/** Moves the clock to `start + ms` (the complaint's creation time, say). */
export async function advanceTo(w: SlaWorld, start: number, ms: number): Promise<void> {
  const now = w.srv.deps.clock.now();
  if (start + ms < now) throw new Error('the clock never goes back');
  await advance(w, start + ms - now);
}

export async function createComplaint(w: SlaWorld, over: Record<string, unknown> = {}): Promise<ComplaintDetail> {
  const res = await w.srv.call<ComplaintDetail>('POST', '/api/v1/complaints', {
    token: w.admin,
    body: {
      hospitalId: w.main.id,
      sourceCode: 'MOH',
      departmentId: w.departmentId,
      title: 'Referral letter lost',
      description: 'The referral letter for my father was lost twice.',
      complainant: { name: 'Noura Al-Qahtani', phone: '0501234567' },
      ...over,
    },
  });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  await w.scheduler.settled();
  return res.body;
}

export async function getComplaint(w: SlaWorld, id: string): Promise<ComplaintDetail> {
  const res = await w.srv.call<ComplaintDetail>('GET', `/api/v1/complaints/${id}`, { token: w.admin });
  if (res.status !== 200) throw new Error(`get: ${res.status}`);
  return res.body;
}

function hms(ms: number): string {
  const s = Math.round(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/**
 * One line per event, to the second from `start`:
 * `"24:00:00 sla_escalated L1 department_manager=manager -→manager"` (target, then assignee from → to).
 * User ids are shown by their fixture name.
 */
export function timelineLines(w: SlaWorld, events: readonly EventView[], start: number): string[] {
  const who = (id: unknown) => (typeof id === 'string' ? (w.names.get(id) ?? id) : String(id));
  return events.map((e) => {
    const head = `${hms(Date.parse(e.at) - start)} ${e.type}`;
    switch (e.type) {
      case 'sla_reminder':
        return `${head} L${String(e.data.level)}`;
      case 'sla_escalated': {
        // The target, then the reassignment the escalation made (from → to).
        const target = e.data.target as { role: string; userId: string | null };
        const user = target.userId === null ? 'unresolved' : who(target.userId);
        return `${head} L${String(e.data.level)} ${target.role}=${user} ${e.from === null ? '-' : who(e.from)}→${e.to === null ? '-' : who(e.to)}`;
      }
      case 'status_changed':
        return `${head} ${e.from}→${e.to}`;
      case 'assigned':
        return `${head} ${e.from === null ? '-' : who(e.from)}→${e.to === null ? '-' : who(e.to)}`;
      default:
        return head;
    }
  });
}
