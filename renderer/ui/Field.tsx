import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../features/validation.ts';

/** A labelled form control with its translated error underneath (test id `error-<name>`). */
export function Field(props: { label: string; name: string; error?: FieldError | undefined; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <label className={props.wide ? 'field wide' : 'field'}>
      <span className="field-label">{props.label}</span>
      {props.children}
      {props.error && (
        <span className="field-error" role="alert" data-testid={`error-${props.name}`}>
          {t(`validation.${props.error.code}`, {
            defaultValue: t('validation.unknown'),
            minimum: props.error.minimum,
            maximum: props.error.maximum,
          })}
        </span>
      )}
    </label>
  );
}
