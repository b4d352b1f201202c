import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDoc } from '../../../shared/documents.ts';
import { useDesk } from '../../app/desk-context.ts';
import { useLanguage, useObservable } from '../../ui/hooks.ts';
import { useSources } from '../../ui/reference-data.ts';
import type { FieldErrors } from '../validation.ts';
import { buildIntake, type IntakeResult } from './build-complaint.ts';
import { defaultsOf, DeskDefaultsStore, intakeWith, type DeskDefaults } from './desk-defaults.ts';
import { IntakeDone } from './IntakeDone.tsx';
import { IntakeFields } from './IntakeFields.tsx';
import { emptyIntake, type IntakeValues } from './intake-form.ts';
import { NEW_COMPLAINT_EVENT } from './shortcuts.ts';
import './intake.css';

/**
 * Intake, keyboard first: the form opens on the caller's name, Tab follows the conversation
 * (caller, then the complaint, then where it came from), Ctrl+Enter saves from any field, a
 * refused save puts the cursor on the first field to fix, and Alt+N starts the next one. The
 * source, channel and language start as this desk last used them (desk-defaults.ts).
 */
export function IntakePage() {
  const { t } = useTranslation();
  const desk = useDesk();
  const lang = useLanguage();
  const defaultsStore = useMemo(() => new DeskDefaultsStore(desk.device), [desk]);
  const activeSources = useSources(desk)
    .filter((s) => s.active)
    .map((s) => s.code);
  const [defaults, setDefaults] = useState<DeskDefaults | null | undefined>(undefined);
  const [values, setValues] = useState<IntakeValues>(() => emptyIntake('ar'));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<ComplaintDoc | null>(null);
  const [form, setForm] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const held = useObservable(() => desk.refs.watchRemaining(), [desk], null as number | null);
  const sourcesKey = activeSources.join(',');

  const fresh = (from: DeskDefaults | null | undefined = defaults) => intakeWith(from ?? null, 'ar', sourcesKey ? sourcesKey.split(',') : []);
  const freshRef = useRef(fresh);
  freshRef.current = fresh;

  // The fields appear, with the cursor in the first, in the same render that fills them from the
  // defaults: filling them in an effect after that render lost what was typed in between.
  useEffect(() => {
    let live = true;
    void defaultsStore.get().then((d) => {
      if (!live) return;
      setDefaults(d);
      setValues(freshRef.current(d));
    });
    return () => {
      live = false;
    };
  }, [defaultsStore]);

  // Sources replicate after the first sign-in: the default source is filled in once it arrives.
  useEffect(() => {
    const source = freshRef.current().sourceCode;
    if (source) setValues((v) => (v.sourceCode ? v : { ...v, sourceCode: source }));
  }, [sourcesKey]);

  useEffect(() => {
    const onNew = () => {
      setDone(null);
      setErrors({});
      setFailure(null);
      setValues(freshRef.current());
      setForm((n) => n + 1);
    };
    window.addEventListener(NEW_COMPLAINT_EVENT, onNew);
    return () => window.removeEventListener(NEW_COMPLAINT_EVENT, onNew);
  }, []);

  // After a refused save the cursor goes to the first field in error, in the order of the form.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const first = formRef.current?.querySelector('.field-error')?.closest('label')?.querySelector<HTMLElement>('input, select, textarea');
    first?.focus();
  }, [errors]);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
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
      const next = defaultsOf(values);
      setDefaults(next);
      void defaultsStore.set(next).catch((err: unknown) => console.error(err));
      setDone(result.complaint);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  if (done) {
    return (
      <IntakeDone
        complaint={done}
        trackingBaseUrl={desk.trackingBaseUrl}
        onAnother={() => {
          setDone(null);
          setValues(freshRef.current());
          setForm((n) => n + 1);
        }}
      />
    );
  }

  return (
    <form key={form} ref={formRef} className="card intake" onSubmit={submit} onKeyDown={onKeyDown} noValidate lang={lang} data-testid="intake-form">
      <h1>{t('intake.heading')}</h1>
      {defaults === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <IntakeFields values={values} errors={errors} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} />
      )}
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
        <button data-testid="intake-submit" type="submit" className="primary" disabled={busy} aria-keyshortcuts="Control+Enter">
          {busy ? t('intake.saving') : t('intake.submit')}
        </button>
        <span className="muted kbd-hint">{t('intake.keyboardHint')}</span>
        {held !== null && <span className="muted">{t('intake.numbersLeft', { count: held })}</span>}
      </div>
    </form>
  );
}
