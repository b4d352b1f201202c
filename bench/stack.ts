import type { HospitalSummary, LoginResponse } from '../shared/api.ts';
import { Api } from '../e2e/harness/api.ts';
import { startPostgres } from '../e2e/harness/postgres.ts';
import { ADMIN_PASSWORD, startServer, type ServerHandle } from '../e2e/harness/server.ts';

export type Cleanup = () => Promise<unknown>;

/** `BENCH_N`: how many complaints a benchmark loads (default 100,000). */
export function benchSize(): number {
  const n = Number(process.env.BENCH_N ?? 100_000);
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_N must be a positive integer (got ${process.env.BENCH_N})`);
  return n;
}

export type DeskStack = { server: ServerHandle; admin: Api; session: LoginResponse; main: HospitalSummary };

/**
 * What the desk-side benchmarks stand on: an embedded PostgreSQL of their own, a sync server
 * child on it with the system clock, and the administrator's API client. The stops are pushed
 * onto `cleanups` (the caller runs them in reverse, also when a later step fails).
 */
export async function startDeskStack(cleanups: Cleanup[]): Promise<DeskStack> {
  const pg = await startPostgres();
  cleanups.push(() => pg.stop());
  const server = await startServer({ dbUrl: pg.adminUrl, env: { CLOCK: 'system', LOG_LEVEL: 'warn' } });
  cleanups.push(() => server.stop());
  const { api: admin, session } = await Api.login(server.url, 'admin', ADMIN_PASSWORD);
  return { server, admin, session, main: await admin.hospitalByCode('MAIN') };
}
