import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { complaintDocSchema, UNCONFIRMED_SERVER_FIELDS, type ComplaintDoc, type TimelineEventDoc } from '../shared/documents.ts';
import { CHANNELS, COMPLAINT_STATUSES, PRIORITIES, SEVERITIES } from '../shared/enums.ts';
import { newTrackingSecret, uuidv7 } from '../shared/ids.ts';
import { formatReference } from '../shared/reference-number.ts';
import { isActive } from '../shared/workflow.ts';
import { apiCreatedEvent } from '../sync-server/complaints/create.ts';
import { leaseBlock } from '../sync-server/complaints/references.ts';
import { dueAtOf, slaContext } from '../sync-server/complaints/sla.ts';
import { createPool, withTx } from '../sync-server/db/pool.ts';
import { launchBrowser, openDesk } from '../e2e/harness/browser.ts';
import { checkPrerequisites, REPO_ROOT } from '../e2e/harness/env.ts';
import { sleep } from '../e2e/harness/ports.ts';
import { seedUser } from '../e2e/harness/seed.ts';
import { startStatic } from '../e2e/harness/static.ts';
import { LoginPage } from '../e2e/pages/LoginPage.ts';
import { insertLoadBatch } from './load.ts';
import type { Metric } from './metric.ts';
import { benchSize, startDeskStack, type Cleanup } from './stack.ts';

/**
 * `desk`: the complaint desk at hospital scale. `BENCH_N` (default 100,000) complaints of one
 * hospital, with their `created` events, in Arabic and English, over a year, across statuses,
 * sources, departments and assignees, reach the desk's real database (the renderer built from
 * the current source, RxDB on Dexie in Chromium) through replication, as on a real first sync.
 * Then, in the desk's own list page, every figure is read from the page itself (the list sets
 * `data-query-ms` once a query's rows are in the DOM, see renderer/features/list/ListPage.tsx):
 *
 * - list_first_page_p95_ms: the status filter changed (each status in turn, and "open"), sorted
 *   by due time: from the change to the first page of rows in the DOM;
 * - search_p95_ms: Arabic and English searches, spelling variants and prefixes as typed;
 * - stats_ms: opening the statistics dashboard until it says it is ready (`data-state="ready"`);
 *   -1 while the desk has no dashboard;
 * - cold_start_ms: a fresh page load of the signed-in desk until its first complaint row shows
 *   (median of 5).
 * The machine is shared: the 1-minute load average is printed with the figures (stderr).
 */
const log = (m: string) => process.stderr.write(`bench desk: ${m}\n`);
const BATCH = 5_000;
const DAY = 86_400_000;

const AR_TITLES = [
  'مستشفى الأمل: تأخر الموعد',
  'سوء معاملة في قسم الطوارئ',
  'المسؤول عن الاستقبال لم يرد',
  'نظافة الغرف غير مقبولة',
  'تأخر صرف الدواء من الصيدلية',
  'شؤون المرضى لم تتواصل معي',
  'انتظار طويل في العيادة الخارجية',
  'مواقف السيارات ممتلئة دائمًا',
];
const EN_TITLES = [
  'Waiting time in the outpatient clinic',
  'Rude staff at the reception',
  'Pharmacy closed during opening hours',
  'Billing error on the insurance claim',
  'Room was not cleaned',
  'Appointment cancelled without notice',
];
const NAMES = ['فاطمة الحربي', 'محمد القحطاني', 'نورة العتيبي', 'عبدالله الشهري', 'Sara Al-Ghamdi', 'Khalid Al-Zahrani', 'Mona Haddad', 'Omar Farouk'];
const SOURCES = ['PATIENT', 'FAMILY', 'MOH', 'CCHI'];
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

async function loadDeskData(dbUrl: string, o: { n: number; hospitalId: string; actor: { id: string; displayName: string }; assignees: string[]; now: number }) {
  const pool = createPool(dbUrl, 2);
  try {
    const year = new Date(o.now).getUTCFullYear();
    const { block, sla, departments } = await withTx(pool, async (tx) => ({
      block: await leaseBlock(tx, { year, size: o.n, deskId: 'bench-desk-loader', hospitalId: o.hospitalId, leasedBy: o.actor.id, now: o.now }),
      sla: await slaContext(tx, o.hospitalId),
      departments: (await tx.query<{ id: string }>('SELECT id FROM departments WHERE hospital_id = $1 ORDER BY id', [o.hospitalId])).rows.map((r) => r.id),
    }));
    for (let from = 0; from < o.n; from += BATCH) {
      const complaints: ComplaintDoc[] = [];
      const events: TimelineEventDoc[] = [];
      for (let i = from; i < Math.min(o.n, from + BATCH); i++) {
        const createdAt = o.now - Math.floor(((o.n - i) / o.n) * 365 * DAY);
        const arabic = i % 3 !== 0;
        const status = pick(COMPLAINT_STATUSES, i * 11);
        const draft: ComplaintDoc = {
          id: uuidv7(createdAt),
          hospitalId: o.hospitalId,
          departmentId: i % 5 === 0 ? null : pick(departments, i) ?? null,
          referenceNumber: formatReference(year, block.start + i),
          sourceCode: pick(SOURCES, i),
          channel: pick(CHANNELS, i * 7),
          type: i % 23 === 0 ? 'appreciation' : 'complaint',
          title: `${arabic ? pick(AR_TITLES, i) : pick(EN_TITLES, i)} ${i % 97}`,
          description: arabic
            ? `شكوى رقم ${i}: ${pick(AR_TITLES, i * 7)}. انتظر المريض وقتًا طويلًا ولم يشرح له أحد السبب.`
            : `Complaint ${i}: ${pick(EN_TITLES, i * 5)}. The patient waited a long time and nobody explained why.`,
          category: i % 3 === 0 ? 'waiting_time' : null,
          severity: pick(SEVERITIES, i * 3),
          priority: pick(PRIORITIES, i * 5),
          status,
          assigneeId: i % 4 === 0 ? null : pick(o.assignees, i),
          complainant: {
            name: `${pick(NAMES, i * 13)} ${i}`,
            phone: `+96650${String(1_000_000 + (i % 8_999_999)).padStart(7, '0')}`,
            email: null,
            language: arabic ? 'ar' : 'en',
            smsOptOut: false,
          },
          patient: null,
          resolution: null,
          trackingSecret: newTrackingSecret(),
          deskId: 'server',
          createdAt,
          createdBy: o.actor.id,
          updatedAt: createdAt,
          updatedBy: o.actor.id,
          ...UNCONFIRMED_SERVER_FIELDS,
          referenceConfirmed: true,
          trackingConfirmed: true,
        };
        const dueAt = dueAtOf(draft, sla);
        const doc = complaintDocSchema.parse({ ...draft, dueAt, overdue: dueAt !== null && dueAt < o.now && isActive(status) });
        complaints.push(doc);
        events.push(apiCreatedEvent(doc, o.actor, doc.createdAt));
      }
      // The same rows writeReplicated would write, in one statement per batch (see bench/load.ts).
      await withTx(pool, (tx) => insertLoadBatch(tx, o.hospitalId, complaints, events));
      process.stderr.write(`\rbench desk: loaded ${Math.min(o.n, from + BATCH)}/${o.n} complaints`);
    }
    process.stderr.write('\n');
    return { sample: formatReference(year, block.start + Math.floor(o.n / 2)), phone: `050${String(1_000_000 + (Math.floor(o.n / 3) % 8_999_999)).padStart(7, '0')}` };
  } finally {
    await pool.end();
  }
}

/** Documents in the desk's IndexedDB, per RxDB collection (every hospital database of the page). */
async function countLocal(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const counts: Record<string, number> = {};
    for (const info of await indexedDB.databases()) {
      const name = info.name ?? '';
      const m = /^rxdb-dexie-cdesk_h_.*--(complaints|events|listKeys)$/.exec(name);
      if (!m?.[1]) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      if (db.objectStoreNames.contains('docs')) {
        counts[m[1]] = await new Promise<number>((resolve, reject) => {
          const req = db.transaction('docs', 'readonly').objectStore('docs').count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      }
      db.close();
    }
    return counts;
  });
}

const querySeq = (page: Page) => page.evaluate(() => Number(document.querySelector('[data-testid="list-page"]')?.getAttribute('data-query-seq') ?? '0'));

/** Makes a change in the list and returns the page's own measure of the query it caused. */
async function timed(page: Page, change: () => Promise<void>): Promise<number> {
  const before = await querySeq(page);
  await change();
  const handle = await page.waitForFunction(
    (n) => {
      const el = document.querySelector('[data-testid="list-page"]');
      return Number(el?.getAttribute('data-query-seq') ?? '0') > n ? Number(el?.getAttribute('data-query-ms')) : false;
    },
    before,
    { timeout: 120_000, polling: 5 },
  );
  return (await handle.jsonValue()) as number;
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const round1 = (v: number) => Math.round(v * 10) / 10;

export async function runDeskBench(): Promise<Metric[]> {
  const n = benchSize();
  checkPrerequisites();
  const cleanups: Cleanup[] = [];
  try {
    const { server, admin, session, main } = await startDeskStack(cleanups);
    const password = 'bench-Desk-Passw0rd!';
    const userId = await seedUser(server.dbUrl, { username: 'bench_px', password, role: 'px_admin', hospitalId: main.id, displayName: 'Bench PX' });
    const colleague = await seedUser(server.dbUrl, { username: 'bench_agent', password, role: 'desk_agent', hospitalId: main.id, displayName: 'Bench Agent' });

    log(`loading ${n} complaints and their created events`);
    const loadStarted = Date.now();
    const known = await loadDeskData(server.dbUrl, { n, hospitalId: main.id, actor: { id: session.user.id, displayName: session.user.displayName }, assignees: [userId, colleague], now: Date.now() });
    log(`loaded in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`);

    // The desk as the current source builds it (not a possibly stale dist/).
    const webDir = await mkdtemp(join(tmpdir(), 'cd-bench-desk-'));
    cleanups.push(() => rm(webDir, { recursive: true, force: true }));
    await build({ configFile: join(REPO_ROOT, 'renderer', 'vite.config.ts'), logLevel: 'error', build: { outDir: webDir, emptyOutDir: true } });
    const web = await startStatic(webDir);
    cleanups.push(() => web.close());
    const browser = await launchBrowser();
    cleanups.push(() => browser.close());

    const desk = await openDesk(browser, web.url, server.url, 'bench');
    await new LoginPage(desk.page).login('bench_px', password, server.url);
    const syncStarted = Date.now();
    const deadline = syncStarted + Math.max(900_000, n * 30);
    let counts: Record<string, number> = {};
    let lastLog = 0;
    let lastChange = Date.now();
    while ((counts.complaints ?? 0) < n || (counts.events ?? 0) < n || (counts.listKeys ?? 0) < n) {
      const stalled = Date.now() - lastChange > 120_000;
      if (Date.now() > deadline || stalled) {
        throw new Error(
          `desk not in sync ${stalled ? '(no progress for 2 minutes)' : 'in time'}: ${JSON.stringify(counts)}\n` +
            `${desk.logs.slice(-30).join('\n')}\n--- server ---\n${server.stdout().slice(-4000)}`,
        );
      }
      await sleep(1_000);
      const now = await countLocal(desk.page);
      if (JSON.stringify(now) !== JSON.stringify(counts)) lastChange = Date.now();
      counts = now;
      if (Date.now() - lastLog > 15_000) {
        lastLog = Date.now();
        log(`desk holds ${JSON.stringify(counts)}`);
      }
    }
    log(`desk in sync, list keys derived, after ${((Date.now() - syncStarted) / 1000).toFixed(1)} s`);
    await desk.page.getByTestId('nav-list').click();
    await desk.page.getByTestId('complaint-row').first().waitFor({ timeout: 120_000 });
    const page = desk.page;

    // 1. First page, filtered by status, sorted by due time.
    await page.getByTestId('list-sort').selectOption('due');
    const firstPage: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const status of [...COMPLAINT_STATUSES, 'open']) {
        firstPage.push(await timed(page, () => page.getByTestId('list-status-filter').selectOption(status).then(() => undefined)));
      }
    }
    log(`first page: median ${median(firstPage).toFixed(1)} ms, max ${Math.max(...firstPage).toFixed(1)} ms (${firstPage.length} queries): ${firstPage.map((v) => v.toFixed(0)).join(' ')}`);

    // 2. Search. The list starts building its in-memory index once its first rows show; the
    // first search waits for it if it is not done yet (reported as search_first_ms).
    await page.getByTestId('list-status-filter').selectOption('');
    const firstSearch = await timed(page, () => page.getByTestId('list-search').fill('waiting'));
    log(`first search answered after ${firstSearch.toFixed(0)} ms`);
    const terms = [
      'مستشفي الامل', 'مستشفى الأمل', 'الأمل', 'امل', 'المسئول', 'مسؤول', 'شئون المرضى', 'الطوارىء', 'طوارئ',
      'مس', 'مست', 'مستش', 'فاطمه الحربي', 'نوره', 'الصيدليه',
      'waiting', 'WAITING time', 'wa', 'wai', 'rude reception', 'pharmacy closed', 'insurance claim', 'sara al-ghamdi', 'khalid',
      known.sample, known.sample.slice(-6), known.phone,
    ];
    const search: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const q of terms) search.push(await timed(page, () => page.getByTestId('list-search').fill(q)));
    }
    log(`search: median ${median(search).toFixed(1)} ms, max ${Math.max(...search).toFixed(1)} ms (${search.length} queries): ${search.map((v) => v.toFixed(0)).join(' ')}`);
    // The searches must find something: one reference, and a common word across the year.
    const shownTotal = async () =>
      (await page.waitForFunction(() => document.querySelector('[data-testid="list-page"]')?.getAttribute('data-total') ?? false)).jsonValue();
    await timed(page, () => page.getByTestId('list-search').fill(known.sample));
    const one = await shownTotal();
    await timed(page, () => page.getByTestId('list-search').fill('مستشفي الامل'));
    const many = Number(await shownTotal());
    if (one !== '1' || !(many > n / 100)) throw new Error(`searches found ${one} for ${known.sample} and ${many} for مستشفي الامل`);
    log(`a reference finds 1 complaint, "مستشفي الامل" finds ${many}`);
    await timed(page, () => page.getByTestId('list-search').fill(''));

    // 3. The statistics dashboard, where the desk has one.
    let statsMs = -1;
    const t0 = Date.now();
    await page.evaluate(() => {
      window.location.hash = '#/stats';
    });
    const ready = await page
      .waitForSelector('[data-testid="stats"][data-state="ready"]', { timeout: 300_000 })
      .then(() => true)
      .catch(() => false);
    if (ready) {
      statsMs = Date.now() - t0;
      const split = await page.evaluate(() => {
        const el = document.querySelector('[data-testid="stats"]');
        return { load: el?.getAttribute('data-load-ms'), compute: el?.getAttribute('data-compute-ms'), complaints: el?.getAttribute('data-complaints') };
      });
      log(`statistics ready after ${statsMs} ms: input ${split.load} ms, computation ${split.compute} ms, ${split.complaints} complaints`);
      // Opened a second time, for comparison (not a metric): what the first open costs beyond it is start-up.
      await page.evaluate(() => {
        window.location.hash = '#/list';
      });
      await page.getByTestId('complaint-row').first().waitFor({ timeout: 120_000 });
      const again = Date.now();
      await page.evaluate(() => {
        window.location.hash = '#/stats';
      });
      await page.waitForSelector('[data-testid="stats"][data-state="ready"]', { timeout: 300_000 });
      const compute = await page.evaluate(() => document.querySelector('[data-testid="stats"]')?.getAttribute('data-compute-ms'));
      log(`statistics opened again: ready after ${Date.now() - again} ms, computation ${compute} ms`);
    } else log('no statistics dashboard answered: stats_ms is the placeholder -1');

    // 4. Cold start: the signed-in desk opened afresh, until its first row shows.
    const url = page.url().replace(/#.*$/, '');
    const cold: number[] = [];
    await page.close();
    for (let i = 0; i < 5; i++) {
      const fresh = await desk.context.newPage();
      const logs: string[] = [];
      fresh.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') logs.push(m.text());
      });
      fresh.on('pageerror', (e) => logs.push(`pageerror ${e.message}`));
      const started = Date.now();
      await fresh.goto(`${url}#/complaints`);
      await fresh
        .getByTestId('complaint-row')
        .first()
        .waitFor({ timeout: 120_000 })
        .catch(async (e: unknown) => {
          const shot = join(tmpdir(), `bench-desk-cold-start-${Date.now()}.png`);
          await fresh.screenshot({ path: shot }).catch(() => undefined);
          throw new Error(`cold start ${i + 1}: no rows (screenshot ${shot}): ${String(e)}\n${logs.slice(-10).join('\n')}`);
        });
      cold.push(Date.now() - started);
      await fresh.close();
    }
    log(`cold start: ${cold.join(', ')} ms`);
    log(`load average (1 min) at the end: ${loadavg()[0]?.toFixed(2)} on this shared machine`);

    return [
      { bench: 'desk', metric: 'list_first_page_p95_ms', value: round1(p95(firstPage)), unit: 'ms', n },
      { bench: 'desk', metric: 'search_p95_ms', value: round1(p95(search)), unit: 'ms', n },
      { bench: 'desk', metric: 'stats_ms', value: statsMs, unit: 'ms', n },
      { bench: 'desk', metric: 'cold_start_ms', value: median(cold), unit: 'ms', n },
      { bench: 'desk', metric: 'search_first_ms', value: Math.round(firstSearch), unit: 'ms', n },
    ];
  } finally {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  }
}
