import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../db/embedded.ts';

/**
 * The real server (`sync-server/main.ts`) in a child process, for the tests that kill it with
 * SIGKILL: started on a free port against the test's database with a manual clock, healthy
 * before this resolves. `output` keeps what it printed (for a failing test's message).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type ChildServer = { base: string; port: number; output(): string; killHard(): Promise<void> };

export async function startChildServer(o: { databaseUrl: string; dataDir: string; adminPassword: string; env?: Record<string, string> }): Promise<ChildServer> {
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'sync-server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: o.dataDir,
      // vitest puts its own BASE_URL ("/") into the environment.
      BASE_URL: base,
      DATABASE_URL: o.databaseUrl,
      ADMIN_PASSWORD: o.adminPassword,
      CLOCK: 'manual',
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const killHard = (): Promise<void> => {
    if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGKILL');
    });
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited:\n${output.slice(-3000)}`);
    if (await fetch(`${base}/healthz`).then((r) => r.ok).catch(() => false)) break;
    if (Date.now() > deadline) {
      await killHard();
      throw new Error(`the server never became healthy:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, port, output: () => output, killHard };
}
