import type { TestProject } from 'vitest/node';
import { checkPrerequisites } from './harness/env.ts';
import { redact, startPostgres } from './harness/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the run's PostgreSQL (a database tests may create other databases from). */
    pgAdminUrl: string;
  }
}

/** Checks Chromium and the built renderer, then starts the run's one PostgreSQL. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  checkPrerequisites();
  const pgLog: string[] = [];
  const handle = await startPostgres((line) => pgLog.push(line)).catch((err: Error) => {
    throw new Error(`e2e: could not start PostgreSQL: ${err.message}\n${pgLog.slice(-20).join('\n')}`);
  });
  process.stdout.write(`e2e: PostgreSQL at ${redact(handle.adminUrl)}\n`);
  project.provide('pgAdminUrl', handle.adminUrl);
  return () => handle.stop();
}
