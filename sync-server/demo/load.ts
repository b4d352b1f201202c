import type { SessionUser } from '../../shared/api.ts';
import type { ComplaintDoc } from '../../shared/documents.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createSourceSlaConfigs, DEFAULT_DEPARTMENTS } from '../bootstrap.ts';
import { createComplaint } from '../complaints/create.ts';
import { transitionComplaint, patchComplaint } from '../complaints/update.ts';
import { withTx, type Pool, type Tx } from '../db/pool.ts';
import { getSetting, setSetting } from '../db/settings.ts';
import { createDepartment, createHospital, createUser } from '../directory.ts';
import { createSlaDefaults } from '../sla/defaults.ts';
import { DEMO_HOSPITALS, planComplaints } from './plan.ts';

/**
 * Loads the demo group through the server's own write paths (the same functions the integration
 * API uses), so every row, seq and timeline event is exactly what real use produces.
 */
export type DemoOptions = { complaints: number; password: string; now: number; seed: number; log: (line: string) => void };
export type DemoResult = { loaded: boolean; hospitals: number; staff: number; complaints: number };

const MARKER = 'demo_loaded_at';

type HospitalStaff = { id: string; departments: string[]; agents: SessionUser[]; manager: SessionUser };

async function createStaff(tx: Tx, hospitalId: string, code: string, departments: string[], passwordHash: string, now: number): Promise<HospitalStaff> {
  const user = async (username: string, displayName: string, role: SessionUser['role'], departmentId: string | null = null): Promise<SessionUser> => {
    const doc = await createUser(tx, { username, displayName, role, hospitalId, password: null, passwordHash, departmentId, now });
    return { id: doc.id, username, displayName, role, hospitalId };
  };
  const lower = code.toLowerCase();
  await user(`${lower}_admin`, `${code} Hospital Admin`, 'hospital_admin');
  await user(`${lower}_px`, `${code} PX Admin`, 'px_admin');
  const manager = await user(`${lower}_manager`, `${code} Department Manager`, 'department_manager', departments[0] ?? null);
  const agents = [
    await user(`${lower}_desk1`, `${code} Desk 1`, 'desk_agent'),
    await user(`${lower}_desk2`, `${code} Desk 2`, 'desk_agent'),
  ];
  return { id: hospitalId, departments, agents, manager };
}

async function createGroup(pool: Pool, passwordHash: string, now: number): Promise<HospitalStaff[]> {
  return withTx(pool, async (tx) => {
    const { rows } = await tx.query<{ id: string }>(`SELECT id FROM hospitals WHERE doc->>'code' = 'MAIN'`);
    const mainId = rows[0]?.id;
    if (!mainId) throw new Error('hospital MAIN is missing: start the server once first (it bootstraps the database)');
    const { rows: mainDepts } = await tx.query<{ id: string }>(`SELECT id FROM departments WHERE hospital_id = $1 ORDER BY id`, [mainId]);
    const out = [await createStaff(tx, mainId, 'MAIN', mainDepts.map((d) => d.id), passwordHash, now)];
    for (const h of DEMO_HOSPITALS) {
      const hospital = await createHospital(tx, { ...h, now });
      const depts = [];
      for (const d of DEFAULT_DEPARTMENTS) depts.push((await createDepartment(tx, { ...d, hospitalId: hospital.id, now })).id);
      await createSourceSlaConfigs(tx, hospital.id, now);
      await createSlaDefaults(tx, hospital.id, now);
      out.push(await createStaff(tx, hospital.id, h.code, depts, passwordHash, now));
    }
    await createUser(tx, { username: 'ceo', displayName: 'Group CEO', role: 'ceo', hospitalId: null, password: null, passwordHash, now });
    await createUser(tx, { username: 'group_px', displayName: 'Group PX Admin', role: 'px_admin', hospitalId: null, password: null, passwordHash, now });
    return out;
  });
}

export async function loadDemo(pool: Pool, opts: DemoOptions): Promise<DemoResult> {
  if ((await getSetting(pool, MARKER)) !== null) return { loaded: false, hospitals: 0, staff: 0, complaints: 0 };
  const passwordHash = await hashPassword(opts.password);
  const group = await createGroup(pool, passwordHash, opts.now);
  const plan = planComplaints({ count: opts.complaints, hospitals: group.length, departments: 5, now: opts.now, seed: opts.seed });
  let done = 0;
  // Batches of 100 complaints per transaction keep the commit-ordered seq lock short.
  for (let i = 0; i < plan.length; i += 100) {
    await withTx(pool, async (tx) => {
      for (const p of plan.slice(i, i + 100)) {
        const h = group[p.hospitalIndex] as HospitalStaff;
        const agent = h.agents[done % h.agents.length] as SessionUser;
        let doc: ComplaintDoc = await createComplaint(
          tx,
          agent,
          {
            hospitalId: h.id,
            sourceCode: p.sourceCode,
            title: p.title,
            description: p.description,
            severity: p.severity,
            priority: p.priority,
            category: p.category,
            channel: p.channel,
            departmentId: h.departments[p.departmentIndex % h.departments.length],
            complainant: { name: p.name, language: p.language },
          },
          null,
          p.createdAt,
        );
        for (const step of p.steps) {
          if (step.to === 'ASSIGNED') doc = await patchComplaint(tx, doc, { assigneeId: agent.id }, agent, step.at, 'trusted');
          doc = await transitionComplaint(
            tx,
            doc,
            { to: step.to, comment: step.to === 'ESCALATED' ? 'Escalated to the department manager' : undefined, resolution: step.to === 'RESOLVED' ? 'Discussed with the department; corrective action taken.' : undefined },
            step.to === 'ESCALATED' ? h.manager : agent,
            step.at,
            'trusted',
          );
        }
        done++;
      }
    });
    opts.log(`  ${done} / ${plan.length} complaints`);
  }
  await setSetting(pool, MARKER, new Date(opts.now).toISOString());
  return { loaded: true, hospitals: group.length, staff: group.length * 5 + 2, complaints: done };
}
