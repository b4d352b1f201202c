import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDoc } from '../../../shared/documents.ts';
import { useDesk } from '../../app/desk-context.ts';
import { useSyncStatus } from '../../ui/hooks.ts';
import { PrintReceipt } from './PrintReceipt.tsx';
import { rotateErrorOf, rotateTrackingLink, type RotateErrorCode } from './rotate.ts';

/**
 * Under the complaint's tracking link: print the receipt, and replace the link (a link sent to
 * the wrong number, a lost receipt). Replacing asks first — the old link stops working at once —
 * and needs the server; the new link then arrives with the complaint by replication, and the
 * desk shows it in place of the old one.
 */
type State = { kind: 'idle' } | { kind: 'asking' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'failed'; code: RotateErrorCode };

export function TrackingLinkActions({ complaint }: { complaint: ComplaintDoc }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const { online } = useSyncStatus(desk.status);
  const [state, setState] = useState<State>({ kind: 'idle' });

  const rotate = async () => {
    setState({ kind: 'busy' });
    try {
      await rotateTrackingLink(desk.replication.api, desk.status.getSnapshot().online, complaint.id);
      // The stream will say the complaint changed; asking now shows the new link sooner.
      desk.replication.reSyncAll();
      setState({ kind: 'done' });
    } catch (err) {
      setState({ kind: 'failed', code: rotateErrorOf(err) });
    }
  };

  return (
    <div className="rcpt-actions no-print" data-testid="tracking-actions">
      <div className="form-actions">
        <PrintReceipt complaint={complaint} />
        {state.kind !== 'asking' && (
          <button type="button" data-testid="tracking-rotate" disabled={!online || state.kind === 'busy'} onClick={() => setState({ kind: 'asking' })}>
            {state.kind === 'busy' ? t('receipt.rotating') : t('receipt.rotate')}
          </button>
        )}
      </div>
      {!online && state.kind !== 'done' && <p className="muted">{t('receipt.rotateOffline')}</p>}
      {state.kind === 'asking' && (
        <div className="rcpt-confirm" role="group" aria-label={t('receipt.rotate')}>
          <p>{t('receipt.rotateQuestion')}</p>
          <div className="form-actions">
            <button type="button" className="rcpt-danger" data-testid="tracking-rotate-confirm" onClick={() => void rotate()}>
              {t('receipt.rotateYes')}
            </button>
            <button type="button" data-testid="tracking-rotate-cancel" onClick={() => setState({ kind: 'idle' })}>
              {t('receipt.rotateCancel')}
            </button>
          </div>
        </div>
      )}
      {state.kind === 'done' && (
        <p role="status" data-testid="tracking-rotated">
          {t('receipt.rotated')}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="form-error" role="alert" data-testid="tracking-rotate-error">
          {t(`receipt.rotateError.${state.code}`)}
        </p>
      )}
    </div>
  );
}
