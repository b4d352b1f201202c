import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDoc } from '../../../shared/documents.ts';
import { useDesk } from '../../app/desk-context.ts';
import { useLanguage, useObservable } from '../../ui/hooks.ts';
import type { FieldErrors } from '../validation.ts';
import { buildIntake, type IntakeResult } from './build-complaint.ts';
import { IntakeDone } from './IntakeDone.tsx';
import { IntakeFields } from './IntakeFields.tsx';
import { emptyIntake, type IntakeValues } from './intake-form.ts';

export function IntakePage() {
  const { t } = useTranslation();
  const desk = useDesk();
  const lang = useLanguage();
  const [values, setValues] = useState<IntakeValues>(() => emptyIntake('ar'));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<ComplaintDoc | null>(null);
  const held = useObservable(() => desk.refs.watchRemaining(), [desk], null as number | null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      // Right after the first sign-in the first block may still be on its way: wait for it
      // rather than refuse (offline this fails fast and the error below explains).
      if ((await desk.refs.remaining()) === 0) await desk.refs.replenish().catch(() => undefined);
      const now = Date.now();
      const result = await desk.refs.commit<IntakeResult>((blocks) => {
        const r = buildIntake(values, {
          now,
          user: { id: desk.user.id, displayName: desk.user.displayName || desk.user.username },
          hospitalId: desk.hospitalId,
          deskId: desk.deskId,
          blocks,
        });
        return r.ok ? { blocks: r.blocks, value: r } : { value: r };
      });
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      setErrors({});
      await desk.writer.createComplaint(result.complaint, result.event);
      setDone(result.complaint);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <IntakeDone
        complaint={done}
        trackingBaseUrl={desk.trackingBaseUrl}
        onAnother={() => {
          setValues(emptyIntake('ar'));
          setDone(null);
        }}
      />
    );
  }

  return (
    <form className="card intake" onSubmit={submit} noValidate lang={lang}>
      <h1>{t('intake.heading')}</h1>
      <IntakeFields values={values} errors={errors} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} />
      {errors.reference && (
        <p className="form-error" role="alert" data-testid="error-reference">
          {t(`validation.${errors.reference.code}`)}
        </p>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {t('intake.saveFailed', { message: failure })}
        </p>
      )}
      <div className="form-actions">
        <button data-testid="intake-submit" type="submit" className="primary" disabled={busy}>
          {busy ? t('intake.saving') : t('intake.submit')}
        </button>
        {held !== null && <span className="muted">{t('intake.numbersLeft', { count: held })}</span>}
      </div>
    </form>
  );
}
