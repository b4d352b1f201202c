import { useEffect, useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ComplaintDoc } from '../../../shared/documents.ts';
import { trackingUrl } from '../../../shared/ids.ts';
import { useDesk } from '../../app/desk-context.ts';
import { ReceiptSheet, type ReceiptData } from './ReceiptSheet.tsx';
import './receipt.css';

/**
 * "Print receipt": shows the receipt over the page (what will be printed) with Print and Close.
 * Print is the window's own (Electron's print dialog offers "Save as PDF"); the print stylesheet
 * hides everything but the receipt while it is open. Works offline: everything on it is the
 * desk's own copy of the complaint.
 */
export function receiptData(complaint: Pick<ComplaintDoc, 'referenceNumber' | 'trackingSecret' | 'createdAt' | 'hospitalId'>, baseUrl: string, hospitals: readonly { id: string; nameAr: string; nameEn: string }[]): ReceiptData {
  const hospital = hospitals.find((h) => h.id === complaint.hospitalId);
  return {
    reference: complaint.referenceNumber,
    link: trackingUrl(baseUrl, complaint.referenceNumber, complaint.trackingSecret),
    receivedAt: complaint.createdAt,
    hospital: hospital ? { nameAr: hospital.nameAr, nameEn: hospital.nameEn } : null,
  };
}

export function PrintReceipt({ complaint }: { complaint: ComplaintDoc }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-testid="receipt-open" onClick={() => setOpen(true)}>
        {t('receipt.print')}
      </button>
      {open && <ReceiptOverlay complaint={complaint} onClose={() => setOpen(false)} />}
    </>
  );
}

function ReceiptOverlay({ complaint, onClose }: { complaint: ComplaintDoc; onClose(): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const titleId = useId();
  const data = receiptData(complaint, desk.trackingBaseUrl, desk.hospitals);

  useEffect(() => {
    document.body.classList.add('rcpt-printing');
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      document.body.classList.remove('rcpt-printing');
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  const print = () => void (window.desk ? window.desk.print() : Promise.resolve(window.print()));
  return createPortal(
    <div className="rcpt-overlay" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="receipt">
      <div className="rcpt-tools no-print">
        <h2 id={titleId}>{t('receipt.title')}</h2>
        <button type="button" className="primary" data-testid="receipt-print" onClick={print}>
          {t('receipt.printNow')}
        </button>
        <button type="button" data-testid="receipt-close" onClick={onClose} autoFocus>
          {t('receipt.close')}
        </button>
        {!complaint.trackingConfirmed && (
          <p className="rcpt-note" data-testid="receipt-unconfirmed">
            {t('receipt.unconfirmed')}
          </p>
        )}
      </div>
      <ReceiptSheet data={data} />
    </div>,
    document.body,
  );
}
