/**
 * `npm run bench -- [name]`: runs the named benchmark, or all of them. Each metric is printed on
 * stdout as one JSON line (brief §4): {"bench","metric","value","unit","n"}; progress goes to stderr.
 */
import type { Bench } from './metric.ts';
import { runDeskBench } from './desk.ts';
import { runOutboxBench } from './outbox.ts';
import { runSchedulerBench } from './scheduler.ts';
import { runSyncBench } from './sync.ts';
import { runTrackingBench } from './tracking.ts';

const BENCHES: Record<string, Bench> = {
  sync: runSyncBench,
  desk: runDeskBench,
  scheduler: runSchedulerBench,
  tracking: runTrackingBench,
  outbox: runOutboxBench,
};

async function main(): Promise<void> {
  const name = process.argv.slice(2).find((a) => !a.startsWith('-'));
  if (name !== undefined && !(name in BENCHES)) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  const names = name === undefined ? Object.keys(BENCHES) : [name];
  for (const n of names) {
    const bench = BENCHES[n] as Bench;
    for (const m of await bench()) process.stdout.write(`${JSON.stringify(m)}\n`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
