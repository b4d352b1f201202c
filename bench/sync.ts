import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { launchBrowser, openDesk } from '../e2e/harness/browser.ts';
import { checkPrerequisites, RENDERER_DIR, REPO_ROOT } from '../e2e/harness/env.ts';
import { sleep } from '../e2e/harness/ports.ts';
import { seedUser } from '../e2e/harness/seed.ts';
import { startStatic } from '../e2e/harness/static.ts';
import { LoginPage } from '../e2e/pages/LoginPage.ts';
import { loadComplaints } from './load.ts';
import type { Metric } from './metric.ts';
import { benchSize, startDeskStack, type Cleanup } from './stack.ts';

/**
 * `sync`: how fast a fresh desk (the built renderer in Chromium, its RxDB on Dexie) takes a
 * hospital's history from the real server over HTTP, against the same storage taking the same
 * documents by a plain `bulkInsert`.
 *
 * The server holds `BENCH_N` (default 100,000) complaints of hospital MAIN plus their `created`
 * events, so the desk moves 2·N documents; both rates count all of them (n is N). The sync clock
 * runs from the desk's first pull request to the moment its IndexedDB holds every complaint and
 * every event (polled every 250 ms).
 */
const log = (m: string) => process.stderr.write(`bench sync: ${m}\n`);

async function countLocal(page: Page): Promise<{ complaints: number; events: number }> {
  return page.evaluate(async () => {
    const counts = { complaints: 0, events: 0 };
    for (const info of await indexedDB.databases()) {
      const name = info.name ?? '';
      const collection = name.endsWith('--complaints') ? 'complaints' : name.endsWith('--events') ? 'events' : null;
      if (!name.startsWith('rxdb-dexie-') || !collection) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      if (db.objectStoreNames.contains('docs')) {
        counts[collection] += await new Promise<number>((resolve, reject) => {
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

export async function runSyncBench(): Promise<Metric[]> {
  const n = benchSize();
  checkPrerequisites();
  const cleanups: Cleanup[] = [];
  try {
    const { server, admin, session, main } = await startDeskStack(cleanups);
    const password = 'bench-Desk-Passw0rd!';
    await seedUser(server.dbUrl, { username: 'bench_desk', password, role: 'desk_agent', hospitalId: main.id, displayName: 'Bench Desk' });

    log(`loading ${n} complaints and their created events`);
    const loaded = await loadComplaints(server.dbUrl, {
      n,
      hospitalId: main.id,
      actor: { id: session.user.id, displayName: session.user.displayName },
      now: Date.now(),
    });
    log(`loaded in ${(loaded.ms / 1000).toFixed(1)} s`);

    const pageDir = await mkdtemp(join(tmpdir(), 'cd-bench-page-'));
    cleanups.push(() => rm(pageDir, { recursive: true, force: true }));
    await build({
      configFile: false,
      root: join(REPO_ROOT, 'bench', 'bulk-page'),
      base: './',
      logLevel: 'error',
      build: { outDir: pageDir, emptyOutDir: true, modulePreload: { polyfill: false }, chunkSizeWarningLimit: 5_000 },
    });
    const web = await startStatic(RENDERER_DIR);
    cleanups.push(() => web.close());
    const bulkWeb = await startStatic(pageDir);
    cleanups.push(() => bulkWeb.close());
    const browser = await launchBrowser();
    cleanups.push(() => browser.close());

    // 1. The real desk: log in, let replication run, stop when every document is local.
    const desk = await openDesk(browser, web.url, server.url, 'bench');
    let firstPull: number | null = null;
    desk.page.on('request', (req) => {
      if (firstPull === null && /\/api\/v1\/replication\/[A-Za-z]+\/pull/.test(req.url())) firstPull = Date.now();
    });
    await new LoginPage(desk.page).login('bench_desk', password, server.url);
    const timeout = Date.now() + Math.max(600_000, n * 20);
    let counts = { complaints: 0, events: 0 };
    let lastLog = 0;
    while (counts.complaints < n || counts.events < n) {
      if (Date.now() > timeout) throw new Error(`desk not in sync in time: ${JSON.stringify(counts)}\n${desk.logs.slice(-20).join('\n')}`);
      await sleep(250);
      counts = await countLocal(desk.page);
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        log(`desk holds ${counts.complaints} complaints, ${counts.events} events`);
      }
    }
    const inSync = Date.now();
    if (firstPull === null) throw new Error('the desk never sent a pull request');
    const syncSeconds = (inSync - firstPull) / 1000;
    log(`desk in sync after ${syncSeconds.toFixed(1)} s`);
    await desk.close();

    // 2. The baseline: same documents, same storage, plain bulkInsert into a fresh database.
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${bulkWeb.url}/index.html`);
    await page.waitForFunction(() => document.getElementById('state')?.textContent === 'ready');
    const fetched = await page.evaluate(
      ({ url, token, hospitalId }) =>
        (window as unknown as { bench: { load(u: string, t: string, h: string): Promise<{ complaints: number; events: number }> } }).bench.load(url, token, hospitalId),
      { url: server.url, token: session.accessToken, hospitalId: main.id },
    );
    if (fetched.complaints !== n || fetched.events !== n) throw new Error(`baseline fetched ${JSON.stringify(fetched)}`);
    const bulk = await page.evaluate(() =>
      (window as unknown as { bench: { bulkInsert(): Promise<{ ms: number; complaints: number; events: number }> } }).bench.bulkInsert(),
    );
    if (bulk.complaints !== n || bulk.events !== n) throw new Error(`bulkInsert stored ${JSON.stringify(bulk)}`);
    await ctx.close();
    log(`bulkInsert of ${2 * n} documents took ${(bulk.ms / 1000).toFixed(1)} s`);

    const docs = 2 * n;
    const syncRate = docs / syncSeconds;
    const bulkRate = docs / (bulk.ms / 1000);
    return [
      { bench: 'sync', metric: 'docs_per_s', value: Math.round(syncRate), unit: 'docs/s', n },
      { bench: 'sync', metric: 'bulk_insert_docs_per_s', value: Math.round(bulkRate), unit: 'docs/s', n },
      { bench: 'sync', metric: 'ratio_vs_bulk_insert', value: Number((syncRate / bulkRate).toFixed(3)), unit: 'ratio', n },
    ];
  } finally {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  }
}
