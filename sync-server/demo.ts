/**
 * `npm run demo`: loads a realistic demo group (hospitals, departments, staff, a few thousand
 * complaints across every status and source) into the configured database. Run it while the
 * server is stopped when using the embedded database (one process owns DATA_DIR), or point
 * DATABASE_URL at the server's PostgreSQL. Safe to run twice: the second run does nothing.
 * DEMO_COMPLAINTS (default 3000) and DEMO_PASSWORD (default `demo-password`) adjust it.
 */
import { bootstrap } from './bootstrap.ts';
import { parseConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { loadDemo } from './demo/load.ts';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const count = Number(process.env.DEMO_COMPLAINTS ?? 3000);
  if (!Number.isInteger(count) || count < 0) throw new Error('DEMO_COMPLAINTS must be a whole number');
  const password = process.env.DEMO_PASSWORD ?? 'demo-password';
  const quiet = { debug: () => undefined, info: () => undefined, warn: (m: string) => console.warn(m) };
  const db = await openDatabase(config, quiet);
  try {
    const boot = await bootstrap(db.pool, { now: Date.now(), adminPassword: config.adminPassword });
    if (boot.generatedAdminPassword !== null) process.stdout.write(`\nAdministrator login: admin / ${boot.generatedAdminPassword}\n\n`);
    console.log(`Loading the demo group (${count} complaints)…`);
    const result = await loadDemo(db.pool, { complaints: count, password, now: Date.now(), seed: 2026, log: (l) => console.log(l) });
    if (!result.loaded) {
      console.log('The demo group is already loaded in this database; nothing to do.');
      return;
    }
    console.log(
      `Loaded ${result.hospitals} hospitals, ${result.staff} staff and ${result.complaints} complaints.\n` +
        `Staff log in as e.g. main_desk1, kfh_desk1, kfh_manager, kfh_px, ceo with password "${password}".`,
    );
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
