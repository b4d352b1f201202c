import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError, SaveError } from './errors.ts';

/** A labelled control with its translated problem underneath (test id `sla-error-<name>`). */
export function AdminField({ label, name, error, children }: { label: string; name: string; error: FieldError | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {error && (
        <span className="field-error" role="alert" data-testid={`sla-error-${name}`}>
          {t(`slaAdmin.fieldError.${error}`)}
        </span>
      )}
    </label>
  );
}

export function SaveMessage({ error, saved }: { error: SaveError | null; saved: boolean }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <p className="field-error" role="alert" data-testid="sla-save-error" data-code={error.code}>
        {t(`slaAdmin.error.${error.code}`)}
      </p>
    );
  }
  return saved ? (
    <p className="muted" data-testid="sla-saved">
      {t('slaAdmin.saved')}
    </p>
  ) : null;
}
