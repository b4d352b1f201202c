/**
 * Helper process for db/embedded.test.ts: starts the embedded PostgreSQL in the DATA_DIR given
 * as argv[2], prints one JSON line {url, pid} and then waits to be killed (as a server would be).
 * With argv[3] = `exit-status`, it stops the database again and ends on its own with status 3, the
 * way a test runner ends after a failed test.
 */
import { startEmbeddedPostgres } from '../db/embedded.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: embedded-child.ts DATA_DIR');
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined };
const pg = await startEmbeddedPostgres({ dataDir, log: quiet });
process.stdout.write(`${JSON.stringify({ url: pg.url, port: pg.port, pid: process.pid })}\n`);
if (process.argv[3] === 'exit-status') {
  await pg.stop();
  process.exitCode = 3;
} else {
  setInterval(() => undefined, 1 << 30);
}
