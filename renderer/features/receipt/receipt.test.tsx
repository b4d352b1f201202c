import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/index.ts';
import { createApi, type FetchLike } from '../../sync/http.ts';
import { complaint } from '../../testing/fixtures.ts';
import { receiptData } from './PrintReceipt.tsx';
import { qrModules, qrSvg, svgDataUrl } from './qr.ts';
import { ReceiptSheet } from './ReceiptSheet.tsx';
import { ROTATE_ERROR_CODES, rotateErrorOf, rotateTrackingLink } from './rotate.ts';

const HOSPITALS = [{ id: 'h1', code: 'MAIN', nameAr: 'المستشفى الرئيسي', nameEn: 'Main Hospital' }];
const c = complaint(41, {
  complainant: { name: 'Latifa Private-Name', phone: '+966551112233', email: null, language: 'ar', smsOptOut: false },
  description: 'Private description of the condition',
  createdAt: Date.UTC(2026, 2, 3, 9, 0, 0),
});

async function sheet(lang: 'ar' | 'en'): Promise<string> {
  const i18n = await createI18n(lang);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <ReceiptSheet data={receiptData(c, 'https://shct.sa/', HOSPITALS)} />
    </I18nextProvider>,
  );
}

describe('the printed receipt', () => {
  it('is in Arabic and English whatever the desk’s language, with the reference, the dates and the link', async () => {
    for (const lang of ['ar', 'en'] as const) {
      const html = await sheet(lang);
      expect(html).toContain('lang="ar" dir="rtl"');
      expect(html).toContain('lang="en" dir="ltr"');
      expect(html).toContain('إيصال شكوى');
      expect(html).toContain('Complaint receipt');
      expect(html).toContain(`data-testid="receipt-reference">${c.referenceNumber}<`);
      expect(html).toContain(`https://shct.sa/complaints/track/${c.referenceNumber}/?s=${c.trackingSecret}`);
      expect(html).toContain('المستشفى الرئيسي');
      expect(html).toContain('Main Hospital');
      expect(html).toContain('3 March 2026 at 12:00 (14 Ramadan 1447 AH)');
      expect(html).toContain('14 رمضان 1447 هـ');
      expect(html).toContain('src="data:image/svg+xml;charset=utf-8,');
    }
  });

  it('says nothing else about the complaint: no name, phone or description', async () => {
    const html = await sheet('en');
    for (const hidden of ['Latifa', '551112233', 'Private description', c.title]) expect(html).not.toContain(hidden);
  });

  it('draws the QR code of the link with a quiet zone, as an image the CSP allows', () => {
    const link = `https://shct.sa/complaints/track/${c.referenceNumber}/?s=${c.trackingSecret}`;
    const svg = qrSvg(link);
    const size = qrModules(link);
    expect(size).toBeGreaterThanOrEqual(21);
    expect(svg).toContain(`viewBox="0 0 ${size + 8} ${size + 8}"`);
    // Every square lies inside the quiet zone's frame.
    const squares = [...svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(squares.length).toBeGreaterThan(size);
    expect(squares.every(([x, y]) => x >= 4 && y >= 4 && x < size + 4 && y < size + 4)).toBe(true);
    // The three finder patterns: a dark 7×7 ring at three corners.
    for (const [x0, y0] of [[4, 4], [size - 3, 4], [4, size - 3]] as const) {
      for (let i = 0; i < 7; i++) expect(squares.some(([x, y]) => x === x0 + i && y === y0)).toBe(true);
    }
    expect(qrSvg(`${link}x`)).not.toBe(svg);
    expect(svgDataUrl(svg)).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  });
});

describe('a new tracking link from the desk', () => {
  function server(status: number, body: unknown) {
    const calls: { url: string; method: string }[] = [];
    const fetch: FetchLike = async (url, init) => {
      calls.push({ url, method: init?.method ?? 'GET' });
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    };
    return { api: createApi({ serverUrl: 'http://127.0.0.1:9', fetch }), calls };
  }

  it('POSTs to the complaint’s tracking-secret address and returns the new link', async () => {
    const answer = { trackingUrl: 'http://srv/complaints/track/CMP-2026-000042/?s=new', updatedAt: '2026-03-03T09:00:00.000Z' };
    const { api, calls } = server(200, answer);
    expect(await rotateTrackingLink(api, true, 'c 1')).toEqual(answer);
    expect(calls).toEqual([{ url: 'http://127.0.0.1:9/api/v1/complaints/c%201/tracking-secret', method: 'POST' }]);
  });

  it('refuses at once offline, and names each failure in both languages', async () => {
    const { api, calls } = server(200, {});
    const offline = await rotateTrackingLink(api, false, 'c').catch(rotateErrorOf);
    expect(offline).toBe('offline');
    expect(calls).toEqual([]);
    for (const [status, code] of [[403, 'forbidden'], [404, 'not_found'], [401, 'signed_out'], [500, 'server']] as const) {
      expect(await rotateTrackingLink(server(status, { error: 'x' }).api, true, 'c').catch(rotateErrorOf)).toBe(code);
    }
    for (const lang of ['ar', 'en'] as const) {
      const i18n = await createI18n(lang);
      for (const code of ROTATE_ERROR_CODES) expect(i18n.exists(`receipt.rotateError.${code}`), `${lang} ${code}`).toBe(true);
    }
  });
});
