import { useTranslation } from 'react-i18next';
import type { ComplaintDoc } from '../../../shared/documents.ts';
import { trackingUrl } from '../../../shared/ids.ts';
import { hrefFor } from '../../app/router.ts';
import { PrintReceipt } from '../receipt/PrintReceipt.tsx';

/** What the complainant is told: the final reference number and the tracking link. */
export function IntakeDone(props: { complaint: ComplaintDoc; trackingBaseUrl: string; onAnother(): void }) {
  const { t } = useTranslation();
  const { complaint } = props;
  const link = trackingUrl(props.trackingBaseUrl, complaint.referenceNumber, complaint.trackingSecret);
  return (
    <section className="card receipt">
      <h1>{t('intake.doneHeading')}</h1>
      <p className="muted">{t('intake.referenceLabel')}</p>
      <p className="reference" dir="ltr" data-testid="intake-reference">
        {complaint.referenceNumber}
      </p>
      <p className="muted">{t('intake.trackingLabel')}</p>
      <p dir="ltr" className="tracking">
        <a data-testid="intake-tracking-link" href={link} target="_blank" rel="noreferrer noopener">
          {link}
        </a>
      </p>
      <div className="form-actions no-print">
        {/* Focused: Enter (or Alt+N from anywhere) takes the next complaint. */}
        <button type="button" className="primary" data-testid="intake-another" autoFocus onClick={props.onAnother}>
          {t('intake.another')}
        </button>
        <a className="button" href={hrefFor.detail(complaint.id)}>
          {t('intake.open')}
        </a>
        <PrintReceipt complaint={complaint} />
      </div>
    </section>
  );
}
