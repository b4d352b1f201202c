import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { qrSvg, svgDataUrl } from './qr.ts';

/**
 * The receipt a walk-in complainant takes home: the reference, the date, the hospital, the
 * tracking link and its QR code, in Arabic and English side by side whatever the desk's language
 * (the complainant may read either). Nothing else of the complaint: a lost receipt must not tell
 * its finder more than the tracking page would.
 */
export type ReceiptData = {
  reference: string;
  link: string;
  receivedAt: number;
  hospital: { nameAr: string; nameEn: string } | null;
};

const TIME_ZONE = 'Asia/Riyadh';
const formats = {
  ar: {
    date: new Intl.DateTimeFormat('ar-u-ca-gregory-nu-latn', { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }),
    hijri: new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', { dateStyle: 'long', timeZone: TIME_ZONE }),
  },
  en: {
    date: new Intl.DateTimeFormat('en-GB-u-ca-gregory', { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }),
    hijri: new Intl.DateTimeFormat('en-GB-u-ca-islamic-umalqura', { dateStyle: 'long', timeZone: TIME_ZONE }),
  },
} as const;

/** "3 March 2026 at 12:00 (14 Ramadan 1447 AH)", as the tracking page writes dates. */
export function receiptDate(ms: number, lang: 'ar' | 'en'): string {
  return `${formats[lang].date.format(ms)} (${formats[lang].hijri.format(ms)})`;
}

function Both({ ar, en, render }: { ar: TFunction; en: TFunction; render: (t: TFunction, lang: 'ar' | 'en') => ReactNode }) {
  return (
    <div className="rcpt-pair">
      <div lang="ar" dir="rtl">
        {render(ar, 'ar')}
      </div>
      <div lang="en" dir="ltr">
        {render(en, 'en')}
      </div>
    </div>
  );
}

export function ReceiptSheet({ data }: { data: ReceiptData }) {
  const { i18n } = useTranslation();
  const ar = i18n.getFixedT('ar');
  const en = i18n.getFixedT('en');
  const qr = useMemo(() => svgDataUrl(qrSvg(data.link)), [data.link]);
  return (
    <section className="rcpt-sheet" data-testid="receipt-sheet" aria-label={`${ar('receipt.sheet.title')} · ${en('receipt.sheet.title')}`}>
      <Both ar={ar} en={en} render={(t, lang) => (
        <>
          <h2>{t('receipt.sheet.title')}</h2>
          {data.hospital && <p>{lang === 'ar' ? data.hospital.nameAr || data.hospital.nameEn : data.hospital.nameEn || data.hospital.nameAr}</p>}
        </>
      )} />
      <Both ar={ar} en={en} render={(t) => <p className="rcpt-label">{t('receipt.sheet.reference')}</p>} />
      <p className="rcpt-ref" dir="ltr" data-testid="receipt-reference">
        {data.reference}
      </p>
      <Both ar={ar} en={en} render={(t, lang) => (
        <p>
          <span className="rcpt-label">{t('receipt.sheet.received')}: </span>
          {receiptDate(data.receivedAt, lang)}
        </p>
      )} />
      <img className="rcpt-qr" src={qr} alt={`${ar('receipt.sheet.qr')} · ${en('receipt.sheet.qr')}`} data-testid="receipt-qr" />
      <Both ar={ar} en={en} render={(t) => <p>{t('receipt.sheet.track')}</p>} />
      <p className="rcpt-link" dir="ltr" data-testid="receipt-link">
        {data.link}
      </p>
      <Both ar={ar} en={en} render={(t) => <p className="rcpt-small">{t('receipt.sheet.private')}</p>} />
    </section>
  );
}
