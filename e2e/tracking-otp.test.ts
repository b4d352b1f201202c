import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gatewayEnv, startFakeGateway, waitFor, type FakeGateway } from '../sync-server/notifications/testing.ts';
import type { ApiComplaint } from './harness/api.ts';
import { startWorld, type World } from './harness/world.ts';
import { seriousViolations } from './pages/Axe.ts';
import { TrackingPage } from './pages/TrackingPage.ts';

/**
 * A complainant who has only the reference (the SMS was deleted, the receipt lost) opens the
 * tracking address, gives the complaint's mobile number, receives a one-time code by SMS (a fake
 * gateway on loopback stands in for the provider) and sees the page. Someone guessing gets 429.
 */
describe('tracking page: the one-time code path', () => {
  let gw: FakeGateway;
  let world: World;
  let complaint: ApiComplaint;
  const phone = '0551234567';

  beforeAll(async () => {
    gw = await startFakeGateway();
    world = await startWorld(inject('pgAdminUrl'), gatewayEnv(gw, 2_000));
    complaint = await world.admin.createComplaint({
      hospitalId: world.main.id,
      sourceCode: 'PATIENT',
      title: 'One-time code complaint: billing error',
      description: 'I was charged twice for the same X-ray.',
      complainant: { name: 'Maha Al-Qahtani', phone, language: 'ar' },
    });
  });
  afterAll(async () => {
    await world?.dispose();
    await gw?.close();
  });

  /** The code is the last word of the SMS's first line. */
  const codes = (ref: string): string[] =>
    [...gw.delivered.values()]
      .filter((d) => d.text.includes(ref))
      .map((d) => /(\d{6})$/.exec(d.text.split('\n')[0] ?? '')?.[1] ?? '')
      .filter((c) => c !== '');

  it('phone number → code by SMS → the tracking page, in Arabic, without the secret ever being typed', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const bare = `${world.server.url}/complaints/track/${complaint.referenceNumber}/`;
    const { tracking, context } = await TrackingPage.open(world.browser, bare);
    try {
      expect(await tracking.hasVerificationForm()).toBe(true);
      expect(await tracking.text()).not.toContain(complaint.title);
      const before = codes(complaint.referenceNumber).length;
      const asked = await tracking.askCode(phone);
      expect(asked?.status()).toBe(200);
      expect(await tracking.text()).toContain('أرسلنا إليه رمزاً من 6 أرقام');
      const code = await waitFor(() => codes(complaint.referenceNumber)[before], 'the SMS with the code');
      const sms = [...gw.delivered.values()].find((d) => d.text.split('\n')[0]?.endsWith(code));
      expect(sms?.to).toBe('+966551234567');
      expect(sms?.text).toContain(complaint.referenceNumber);

      const opened = await tracking.enterCode(code);
      expect(opened?.status()).toBe(200);
      expect(new URL(tracking.page.url()).searchParams.get('s')).toBe(new URL(complaint.trackingUrl).searchParams.get('s'));
      expect(await tracking.status()).toBe('PENDING');
      const text = await tracking.text();
      expect(text).toContain(complaint.referenceNumber);
      expect(text).toContain('أرسلنا لك رسالة نصية');
      expect(text).not.toContain(code);
      expect(text).not.toContain('Maha');
      expect(text).not.toContain('551234567');
    } finally {
      await context.close();
    }
  });

  it('a wrong number gets the same answer and no SMS; a wrong code opens nothing', async () => {
    const missing = `CMP-${complaint.referenceNumber.slice(4, 8)}-987654`;
    const sentBefore = gw.requests.length;
    const answers: string[] = [];
    for (const [ref, number] of [[complaint.referenceNumber, '0559999999'], [missing, phone]] as const) {
      const { tracking, context } = await TrackingPage.open(world.browser, `${world.server.url}/complaints/track/${ref}/?lang=en`, { javaScriptEnabled: false });
      try {
        await tracking.askCode(number);
        answers.push(await tracking.page.content());
        const wrong = await tracking.enterCode('123456');
        expect(wrong?.status()).toBe(422);
        expect(await tracking.error()).toContain('That code is not right or has expired');
        expect(await tracking.text()).not.toContain('CMP-');
      } finally {
        await context.close();
      }
    }
    expect(answers[0]).toBe(answers[1]);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(gw.requests.length).toBe(sentBefore);
  });

  it('has no serious or critical accessibility violation on the code page, in Arabic and English', async () => {
    for (const lang of ['ar', 'en']) {
      const { tracking, context } = await TrackingPage.open(world.browser, `${world.server.url}/complaints/track/CMP-2020-000001/?lang=${lang}`, { bypassCSP: true });
      try {
        await tracking.askCode('05');
        expect(await tracking.error()).toBeTruthy();
        expect(await seriousViolations(tracking.page), `phone error ${lang}`).toEqual([]);
        await tracking.askCode('0500000001');
        expect(await seriousViolations(tracking.page), `code page ${lang}`).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('answers 429 to someone trying codes against one reference, while the complainant’s link still opens', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const target = await world.admin.createComplaint({
      hospitalId: world.main.id,
      sourceCode: 'FAMILY',
      title: 'Rate limit target complaint',
      description: 'Visiting hours were changed without notice.',
      complainant: { name: 'Ali', phone: '0501112222', language: 'en' },
    });
    const { tracking, context } = await TrackingPage.open(world.browser, `${world.server.url}/complaints/track/${target.referenceNumber}/?lang=en`, { javaScriptEnabled: false });
    try {
      await tracking.askCode('0501112222');
      let status = 0;
      for (let i = 0; i < 40 && status !== 429; i++) {
        const res = await tracking.enterCode(String(100_000 + i));
        status = res?.status() ?? 0;
      }
      expect(status).toBe(429);
      expect(await tracking.text()).toContain('Please wait a few minutes');
      // Still 429 for another guess, even a right-shaped one.
      expect((await tracking.page.goto(`${world.server.url}/complaints/track/${target.referenceNumber}/?s=guess`))?.status()).toBe(429);
      // The SMS link of that complaint still opens it.
      const ok = await tracking.page.goto(`${target.trackingUrl}&lang=en`);
      expect(ok?.status()).toBe(200);
      expect(await tracking.text()).toContain(target.referenceNumber);
    } finally {
      await context.close();
    }
  });
});
