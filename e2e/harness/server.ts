import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './env.ts';
import { freePort, sleep } from './ports.ts';
import { createDatabase, dropDatabase } from './postgres.ts';

export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = 'e2e-Admin-Passw0rd!';

export type ServerHandle = {
  url: string;
  port: number;
  /** The server's own database (tests read it to check what was written). */
  dbUrl: string;
  dbName: string;
  /** Sends the signal to the server process and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port and database, waiting for /healthz. */
  restart(): Promise<void>;
  /** Everything the server printed so far (stdout and stderr). */
  stdout(): string;
  /** Stops the server and drops its database. */
  stop(): Promise<void>;
};

export type StartServerOptions = { dbUrl: string; env?: Record<string, string> };

/**
 * Runs `sync-server/main.ts` as a child process (so a test can SIGKILL it) on a free port with a
 * fresh database, the manual clock and a known admin password. `node --import tsx` rather than
 * the tsx CLI: the CLI forks a second process, which would survive a SIGKILL of the first.
 */
export async function startServer(opts: StartServerOptions): Promise<ServerHandle> {
  const db = await createDatabase(opts.dbUrl);
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'cd-e2e-srv-'));
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: db.url,
    BASE_URL: url,
    ADMIN_PASSWORD,
    CLOCK: 'manual',
    ...opts.env,
  };
  let output = '';
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const launch = async (): Promise<void> => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'sync-server/main.ts'], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let exitInfo: string | null = null;
    exited = new Promise((resolve) => {
      proc.once('exit', (code, signal) => {
        exitInfo = `exited with code ${code} signal ${signal}`;
        output += `\n[harness] server ${exitInfo}\n`;
        resolve();
      });
    });
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      // Keep memory bounded on long runs; the tail is what explains a failure.
      if (output.length > 2_000_000) output = output.slice(-1_000_000);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (exitInfo) throw new Error(`sync server ${exitInfo} before it was healthy:\n${output.slice(-4000)}`);
      const ok = await fetch(`${url}/healthz`)
        .then(async (r) => r.status === 200 && ((await r.json()) as { status?: string }).status === 'ok')
        .catch(() => false);
      if (ok) return;
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`sync server not healthy on ${url} after 90 s:\n${output.slice(-4000)}`);
      }
      await sleep(150);
    }
  };

  const kill = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  await launch();
  return {
    url,
    port,
    dbUrl: db.url,
    dbName: db.name,
    kill,
    restart: async () => {
      await kill('SIGTERM');
      await launch();
    },
    stdout: () => output,
    stop: async () => {
      await kill('SIGTERM');
      await dropDatabase(opts.dbUrl, db.name).catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
