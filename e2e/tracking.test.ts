import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './pages/Axe.ts';
import { IntakePage } from './pages/IntakePage.ts';
import { TrackingPage } from './pages/TrackingPage.ts';
import { startWorld, type World } from './harness/world.ts';
import type { ApiComplaint } from './harness/api.ts';

/**
 * The complainant's tracking page: the SMS link (which carries the secret) shows the complaint;
 * the same address without the secret, or with a wrong one, reveals nothing about it — not even
 * whether the reference exists.
 */
describe('public tracking page', () => {
  let world: World;
  let complaint: ApiComplaint;
  const title = 'Tracking page complaint about the pharmacy queue';
  const complainantName = 'Nourah Al-Otaibi';

  beforeAll(async () => {
    world = await startWorld(inject('pgAdminUrl'));
    await world.addUser('desk_a', 'desk_agent', world.main.id);
    complaint = await world.admin.createComplaint({
      hospitalId: world.main.id,
      sourceCode: 'PATIENT',
      title,
      description: 'The pharmacy queue took three hours and the screen was broken.',
      severity: 'medium',
      complainant: { name: complainantName, phone: '0551234567', language: 'en' },
    });
  });
  afterAll(async () => {
    await world?.dispose();
  });

  async function open(browser: Browser, url: string): Promise<{ page: Page; status: number; text: string; html: string }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const res = await page.goto(url);
    const text = await page.locator('body').innerText();
    const html = await page.content();
    return { page, status: res?.status() ?? 0, text, html };
  }

  /** The reference itself is in the address, so a page may echo it; everything else must match. */
  function normalise(html: string, ref: string): string {
    return html.split(ref).join('{REF}').split(encodeURIComponent(ref)).join('{REF}');
  }

  async function raw(path: string): Promise<{ status: number; body: string }> {
    const res = await fetch(`${world.server.url}${path}`);
    return { status: res.status, body: await res.text() };
  }

  it('opens from the link with the secret and shows the complaint and its status', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    expect(complaint.trackingUrl).toMatch(/\/complaints\/track\/CMP-\d{4}-\d{6,}\/\?s=[A-Za-z0-9_-]{22,}/);
    expect(complaint.trackingUrl.startsWith(world.server.url)).toBe(true);
    const before = await open(world.browser, `${complaint.trackingUrl}&lang=en`);
    expect(before.status).toBe(200);
    expect(before.text).toContain(complaint.referenceNumber);
    expect(before.text).toMatch(/pending|received|submitted|new/i);

    // Arabic by default, right to left.
    const ar = await open(world.browser, complaint.trackingUrl);
    expect(ar.status).toBe(200);
    expect(await ar.page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(ar.text).toContain(complaint.referenceNumber);

    // The complainant sees progress: a status change shows on the page.
    await world.admin.ok('POST', `/api/v1/complaints/${complaint.referenceNumber}/transitions`, { to: 'ASSIGNED' });
    const after = await open(world.browser, `${complaint.trackingUrl}&lang=en`);
    expect(after.text).not.toBe(before.text);
    expect(after.text).toMatch(/with the team|assigned/i);
    expect(after.text).toContain(complaint.referenceNumber);
  });

  it('reveals nothing without the secret or with a wrong one, not even whether the reference exists', async ({
    onTestFailed,
  }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const ref = complaint.referenceNumber;
    const missing = `CMP-${ref.slice(4, 8)}-987654`;
    const secret = new URL(complaint.trackingUrl).searchParams.get('s') ?? '';
    const wrong = `${secret.slice(0, -2)}${secret.endsWith('AA') ? 'BB' : 'AA'}`;
    const telling = [title, complainantName, world.main.nameEn, world.main.nameAr, secret, '0551234567', '+966551234567'];

    for (const lang of [null, 'en']) {
      const q = (s: string | null) => {
        const p = new URLSearchParams();
        if (s) p.set('s', s);
        if (lang) p.set('lang', lang);
        return p.size ? `?${p.toString()}` : '';
      };
      const bare = await raw(`/complaints/track/${ref}/${q(null)}`);
      const bad = await raw(`/complaints/track/${ref}/${q(wrong)}`);
      const bareMissing = await raw(`/complaints/track/${missing}/${q(null)}`);
      const badMissing = await raw(`/complaints/track/${missing}/${q(wrong)}`);
      for (const r of [bare, bad]) {
        for (const t of telling) if (t) expect(r.body).not.toContain(t);
        expect(r.body).not.toMatch(/PENDING|ASSIGNED|assigned/);
      }
      // Same answer whether the reference exists or not: no existence oracle.
      expect(bare.status).toBe(bareMissing.status);
      expect(normalise(bare.body, ref)).toBe(normalise(bareMissing.body, missing));
      expect(bad.status).toBe(badMissing.status);
      expect(normalise(bad.body, ref)).toBe(normalise(badMissing.body, missing));
    }

    // And in the browser, the bare link shows a verification form, not the complaint.
    const page = await open(world.browser, `${world.server.url}/complaints/track/${ref}/?lang=en`);
    expect(page.text).not.toContain(title);
    expect(await page.page.locator('form').count()).toBeGreaterThan(0);
  });

  it('the link shown at intake on the desk opens the page once the complaint has synced', async ({
    onTestFailed,
  }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const a = await world.desk('A', 'desk_a');
    await a.shell.waitOnline();
    await a.shell.gotoNew();
    const intake = new IntakePage(a.page);
    const reference = await intake.take({
      source: 'PATIENT',
      title: 'Desk intake with tracking link',
      description: 'The parking gate charged me twice.',
      name: 'Saad Al-Dosari',
      phone: '0509876543',
      language: 'en',
    });
    const link = await intake.trackingLink();
    expect(link).toBeTruthy();
    const url = new URL(link ?? '', world.server.url);
    expect(url.pathname).toBe(`/complaints/track/${reference}/`);
    expect(url.searchParams.get('s')).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
    await a.shell.waitPending(0);
    url.searchParams.set('lang', 'en');
    const page = await open(world.browser, url.toString());
    expect(page.status).toBe(200);
    expect(page.text).toContain(reference);
    expect(page.text).toMatch(/pending|received|submitted|new/i);
  });

  it('is right to left in Arabic and left to right in English, as the browser lays it out', async () => {
    const { tracking, context } = await TrackingPage.open(world.browser, complaint.trackingUrl);
    try {
      expect(await tracking.direction()).toBe('rtl');
      expect(await tracking.page.locator('html').getAttribute('lang')).toBe('ar');
      // The reference stays left to right inside the Arabic text.
      expect(await tracking.page.locator('bdi').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
      await tracking.switchLanguage();
      expect(await tracking.direction()).toBe('ltr');
      expect(await tracking.text()).toContain(complaint.referenceNumber);
      await tracking.switchLanguage();
      expect(await tracking.direction()).toBe('rtl');
      expect(await tracking.text()).toContain(complaint.referenceNumber);
    } finally {
      await context.close();
    }
  });

  it('works with JavaScript switched off: the form takes the tracking code and the page shows the status, dates in both calendars', async () => {
    const secret = new URL(complaint.trackingUrl).searchParams.get('s') ?? '';
    const bare = `${world.server.url}/complaints/track/${complaint.referenceNumber}/?lang=en`;
    const { tracking, context } = await TrackingPage.open(world.browser, bare, { javaScriptEnabled: false });
    try {
      expect(await tracking.hasVerificationForm()).toBe(true);
      const res = await tracking.enterSecret(secret);
      expect(res?.status()).toBe(200);
      const text = await tracking.text();
      expect(text).toContain(complaint.referenceNumber);
      expect(text).toMatch(/We aim to respond by \d{1,2} \w+ \d{4} at \d{2}:\d{2} \(\d{1,2} [^)]+ \d{4} AH\)/);
      expect(await tracking.page.locator('script').count()).toBe(0);
      // On paper: the status and the timeline, not the language switch.
      await tracking.page.emulateMedia({ media: 'print' });
      expect(await tracking.page.locator('a.lang').isVisible()).toBe(false);
      expect(await tracking.page.locator('.status').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('has no serious or critical accessibility violation (axe) on the tracking, verification and code pages, in Arabic and English', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const base = `${world.server.url}/complaints/track/${complaint.referenceNumber}/`;
    for (const lang of ['ar', 'en']) {
      const q = lang === 'en' ? '&lang=en' : '';
      const pages = [`${complaint.trackingUrl}${q}`, `${base}?lang=${lang}`];
      for (const url of pages) {
        const { tracking, context } = await TrackingPage.open(world.browser, url, { bypassCSP: true });
        try {
          expect(await seriousViolations(tracking.page), `${url}`).toEqual([]);
          if (url.startsWith(base) && !url.includes('s=')) {
            // The code step, with and without an error shown.
            await tracking.askCode('0500000000');
            expect(await seriousViolations(tracking.page), `code page ${lang}`).toEqual([]);
            await tracking.enterCode('000000');
            expect(await tracking.error()).toBeTruthy();
            expect(await seriousViolations(tracking.page), `wrong code page ${lang}`).toEqual([]);
          }
        } finally {
          await context.close();
        }
      }
    }
  });
});
