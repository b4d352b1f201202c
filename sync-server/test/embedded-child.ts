/**
 * Helper process for db/embedded.test.ts: starts the embedded PostgreSQL in the DATA_DIR given
 * as argv[2], prints one JSON line {url, pid} and then waits to be killed (as a server would be).
 */
import { startEmbeddedPostgres } from '../db/embedded.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: embedded-child.ts DATA_DIR');
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined };
const pg = await startEmbeddedPostgres({ dataDir, log: quiet });
process.stdout.write(`${JSON.stringify({ url: pg.url, port: pg.port, pid: process.pid })}\n`);
setInterval(() => undefined, 1 << 30);
