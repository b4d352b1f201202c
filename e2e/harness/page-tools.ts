import type { Page } from 'playwright-core';

/** A fetch made by the desk's page itself (its origin, its CORS), as a tampered desk would. */
export async function pageFetch(
  page: Page,
  url: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; text: string }> {
  return page.evaluate(
    async ({ url, method, token, body }) => {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, text: await res.text() };
    },
    { url, method: init.method ?? 'GET', token: init.token, body: init.body },
  );
}

/**
 * Every record of every IndexedDB database of the page's origin, as JSON text, one entry per
 * store. Independent of how the renderer names its databases: it looks at all of them.
 */
export async function dumpIndexedDb(page: Page): Promise<{ db: string; store: string; count: number; json: string }[]> {
  return page.evaluate(async () => {
    const out: { db: string; store: string; count: number; json: string }[] = [];
    const dbs = await indexedDB.databases();
    for (const info of dbs) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name as string);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as unknown[]);
          req.onerror = () => reject(req.error);
        });
        out.push({ db: info.name, store, count: all.length, json: JSON.stringify(all) });
      }
      db.close();
    }
    return out;
  });
}
