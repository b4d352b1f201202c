import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintDetail } from '../complaints/view.ts';
import { waitFor } from '../notifications/testing.ts';
import { CODE_ATTEMPTS, CODES_PER_HOUR } from './otp.ts';
import { makeComplaint, raw, startPublicWorld, textOf, type Made, type PublicWorld } from './testing.ts';

/**
 * The one-time-code path of the tracking page, on a real server whose outbox sends through a fake
 * SMS gateway on loopback: what reaches the phone, what the page answers, and that the answers
 * are the same whether the number or the reference is right or not.
 */
let w: PublicWorld;
let c: Made;
// Each test from its own loopback address, so the per-address limits of one do not spill into another.
let nextAddress = 10;
const address = () => `127.0.5.${nextAddress++}`;

beforeAll(async () => {
  w = await startPublicWorld({ ORG_NAME: 'SHCT' });
  c = await makeComplaint(w, { complainant: { name: 'Reem Al-Harbi', phone: '0551234567', language: 'ar' } });
  // The creation SMS goes first; the code SMS are told apart by their text.
  await waitFor(() => w.gw.delivered.size >= 1, 'the creation SMS');
});
afterAll(async () => {
  await w?.close();
});

/** The code is the last word of the SMS's first line (the reference has six digits too). */
const codeIn = (text: string) => /(\d{6})$/.exec(text.split('\n')[0] ?? '')?.[1] ?? '';
const codesTo = (ref: string) => [...w.gw.delivered.values()].filter((d) => d.text.includes(ref) && codeIn(d.text) !== '');

async function askCode(reference: string, phone: string, from: string, lang = '') {
  return raw(w.srv.url, `/complaints/track/${reference}/${lang}`, { form: { step: 'phone', phone }, localAddress: from });
}

async function sendCode(reference: string, code: string, from: string, lang = '') {
  return raw(w.srv.url, `/complaints/track/${reference}/${lang}`, { form: { step: 'code', code }, localAddress: from });
}

describe('one-time code by SMS', () => {
  it('sends a 6-digit code to the complaint’s phone, and the code opens the page once', async () => {
    const from = address();
    const before = codesTo(c.referenceNumber).length;
    const asked = await askCode(c.referenceNumber, '0551234567', from, '?lang=en');
    expect(asked.status).toBe(200);
    expect(textOf(asked.body)).toContain('If the number matches the one given with the complaint, we have sent it a 6-digit code');

    const sms = await waitFor(() => codesTo(c.referenceNumber)[before], 'the code SMS');
    expect(sms.to).toBe('+966551234567');
    // In the language of the page it was asked from.
    expect(sms.text).toMatch(/^SHCT: your code to view complaint CMP-\d{4}-\d{6} is \d{6}\nIt is valid for 10 minutes/);
    const code = codeIn(sms.text);

    // Only a hash is kept.
    const stored = await w.srv.db.pool.query<{ code_hash: string }>('SELECT code_hash FROM public_codes WHERE reference_number = $1', [c.referenceNumber]);
    expect(stored.rows.length).toBeGreaterThan(0);
    for (const r of stored.rows) expect(r.code_hash).not.toContain(code);

    const opened = await sendCode(c.referenceNumber, code, from, '?lang=en');
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe(`${c.path}?s=${c.secret}&lang=en`);
    expect(opened.headers['referrer-policy']).toBe('no-referrer');
    const page = await raw(w.srv.url, String(opened.headers.location), { localAddress: from });
    expect(page.body).toContain(c.referenceNumber);
    expect(textOf(page.body)).toContain('We sent you an SMS');

    // Used up.
    const again = await sendCode(c.referenceNumber, code, from);
    expect(again.status).toBe(422);
  });

  it('answers the same bytes for a wrong number, an unknown reference and the right number, and sends nothing for the first two', async () => {
    const from = address();
    const missing = `CMP-${c.referenceNumber.slice(4, 8)}-987654`;
    const before = w.gw.requests.length;
    const right = await askCode(c.referenceNumber, '0551234567', from);
    const wrong = await askCode(c.referenceNumber, '0559999999', from);
    const unknown = await askCode(missing, '0551234567', from);
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(right.status);
      expect(r.body).toBe(right.body);
    }
    expect(right.body).not.toContain(c.referenceNumber);
    await waitFor(() => w.gw.requests.length > before, 'the code SMS');
    // Give a wrongly sent SMS every chance to show up before counting.
    await new Promise((r) => setTimeout(r, 500));
    const sent = w.gw.requests.slice(before);
    expect(sent.map((s) => s.to)).toEqual(['+966551234567']);
  });

  it('refuses a number that cannot be a mobile number, the same way for every reference', async () => {
    const from = address();
    const a = await askCode(c.referenceNumber, 'abc', from, '?lang=en');
    const b = await askCode('CMP-2020-000001', 'abc', from, '?lang=en');
    expect(a.status).toBe(422);
    expect(b.body).toBe(a.body);
    expect(textOf(a.body)).toContain('That mobile number is not valid');
  });

  it('a wrong code, an expired code and a code past its attempts open nothing', async () => {
    const other = await makeComplaint(w, { complainant: { name: 'Fahad', phone: '0507654321', language: 'en' } });
    const from = address();
    const before = codesTo(other.referenceNumber).length;
    await askCode(other.referenceNumber, '0507654321', from);
    const code = codeIn((await waitFor(() => codesTo(other.referenceNumber)[before], 'the code SMS')).text);
    const wrongCode = code === '000000' ? '111111' : '000000';

    const wrong = await sendCode(other.referenceNumber, wrongCode, from, '?lang=en');
    expect(wrong.status).toBe(422);
    expect(textOf(wrong.body)).toContain('That code is not right or has expired');
    const unknownRef = await sendCode('CMP-2020-000001', wrongCode, from, '?lang=en');
    expect(unknownRef.body).toBe(wrong.body);

    for (let i = 1; i < CODE_ATTEMPTS; i++) await sendCode(other.referenceNumber, wrongCode, from);
    expect((await sendCode(other.referenceNumber, code, from)).status).toBe(422);

    // A new code works; it expires after ten minutes.
    await askCode(other.referenceNumber, '0507654321', from);
    const fresh = codeIn((await waitFor(() => codesTo(other.referenceNumber)[before + 1], 'a second code')).text);
    w.srv.clock?.advance(10 * 60_000 + 1);
    expect((await sendCode(other.referenceNumber, fresh, from)).status).toBe(422);
    // While the next one, in time, does.
    await askCode(other.referenceNumber, '0507654321', from);
    const third = codeIn((await waitFor(() => codesTo(other.referenceNumber)[before + 2], 'a third code')).text);
    expect((await sendCode(other.referenceNumber, third, from)).status).toBe(303);
  });

  it(`sends at most ${CODES_PER_HOUR} codes an hour for one reference, answering the same after that`, async () => {
    const third = await makeComplaint(w, { complainant: { name: 'Sara', phone: '0541112222', language: 'ar' } });
    const answers = [];
    for (let i = 0; i < CODES_PER_HOUR + 2; i++) answers.push(await askCode(third.referenceNumber, '0541112222', address()));
    for (const a of answers) expect(a.body).toBe(answers[0]?.body);
    await waitFor(() => codesTo(third.referenceNumber).length >= CODES_PER_HOUR, 'the codes');
    await new Promise((r) => setTimeout(r, 500));
    expect(codesTo(third.referenceNumber)).toHaveLength(CODES_PER_HOUR);
  });

  it('shows staff only that an SMS went, and the public page only "we sent you an SMS"', async () => {
    const d = (await w.srv.call<ComplaintDetail>('GET', `/api/v1/complaints/${c.id}`, { token: w.tokens.admin })).body;
    const otpEvents = d.events.filter((e) => e.type === 'communication' && e.data.template === 'complainant_otp');
    expect(otpEvents.length).toBeGreaterThan(0);
    for (const e of otpEvents) {
      expect(e.visibility).toBe('internal');
      expect(JSON.stringify(e).split(c.referenceNumber).join('')).not.toMatch(/\b\d{6}\b/);
      expect(JSON.stringify(e)).not.toContain('551234567');
    }
    const page = await raw(w.srv.url, `${c.path}?s=${c.secret}&lang=en`, { localAddress: address() });
    const text = textOf(page.body);
    expect(text).toContain('We sent you an SMS');
    expect(text.split(c.referenceNumber).join('')).not.toMatch(/\b\d{6}\b/);
    expect(page.body).not.toContain('551234567');
    expect(page.body).not.toContain('complainant_otp');
  });
});
