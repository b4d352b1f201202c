import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError, FieldErrors, SaveError } from './errors.ts';
import type { SlaResourceName } from './api.ts';
import { useSlaSave } from './use-save.ts';

/** A labelled control with its translated problem underneath (test id `sla-error-<name>`). */
export function AdminField({ label, name, error, children }: { label: string; name: string; error: FieldError | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {error && (
        <span className="field-error" role="alert" data-testid={`sla-error-${name}`} data-code={error}>
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

/**
 * A form's state bound to its controls: each control reads and writes one field, shows that
 * field's problem, and is found by the test id `<prefix>-<field>` and labelled `<labels>.<field>`.
 */
export type Binding<F> = {
  form: F;
  set<K extends keyof F>(key: K, value: F[K]): void;
  fields: FieldErrors;
  prefix: string;
  labels: string;
  /** Path of this form's fields in the document, for the server's dotted field errors ('' at the top). */
  path: string;
};

/** The binding of a part of a form (a holiday, the working hours), with its own test ids and labels. */
export function partOf<F, K extends keyof F & string>(b: Binding<F>, key: K, index: number | null, labels: string): Binding<F[K] extends readonly (infer E)[] ? E : F[K]> {
  type Part = F[K] extends readonly (infer E)[] ? E : F[K];
  const whole = b.form[key];
  const form = (index === null ? whole : (whole as unknown as Part[])[index]) as Part;
  const replace = (next: Part) => {
    if (index === null) b.set(key, next as unknown as F[K]);
    else b.set(key, (whole as unknown as Part[]).map((x, i) => (i === index ? next : x)) as unknown as F[K]);
  };
  const step = index === null ? key : `${key}.${index}`;
  return {
    form,
    set: (k, v) => replace({ ...(form as object), [k]: v } as Part),
    fields: b.fields,
    prefix: `${b.prefix}-${step.replace('.', '-')}`,
    labels,
    path: `${b.path}${step}.`,
  };
}
type KeysOf<F, V> = { [K in keyof F]: F[K] extends V ? K : never }[keyof F] & string;
type ControlProps<F, V> = { b: Binding<F>; name: KeysOf<F, V>; label?: string };

export function TextBox<F>({
  b,
  name,
  label,
  numeric = false,
  disabled = false,
  type = 'text',
  placeholder,
}: ControlProps<F, string> & { numeric?: boolean; disabled?: boolean; type?: 'text' | 'date'; placeholder?: string }) {
  const { t } = useTranslation();
  return (
    <AdminField label={label ?? t(`${b.labels}.${name}`)} name={b.path + name} error={b.fields[b.path + name]}>
      <input
        data-testid={`${b.prefix}-${name}`}
        type={type}
        placeholder={placeholder}
        inputMode={numeric ? 'decimal' : undefined}
        dir={numeric || type === 'date' ? 'ltr' : 'auto'}
        disabled={disabled}
        value={String(b.form[name])}
        onChange={(e) => b.set(name, e.target.value as F[typeof name])}
      />
    </AdminField>
  );
}

export function CheckBox<F>({ b, name, label }: ControlProps<F, boolean>) {
  const { t } = useTranslation();
  return (
    <label className="field checkbox">
      <input
        type="checkbox"
        data-testid={`${b.prefix}-${name}`}
        checked={Boolean(b.form[name])}
        onChange={(e) => b.set(name, e.target.checked as F[typeof name])}
      />
      {label ?? t(`${b.labels}.${name}`)}
    </label>
  );
}

export type Option = { value: string; label: string };

export function Choice<F>({ b, name, label, options }: ControlProps<F, string> & { options: readonly Option[] }) {
  const { t } = useTranslation();
  return (
    <AdminField label={label ?? t(`${b.labels}.${name}`)} name={b.path + name} error={b.fields[b.path + name]}>
      <select data-testid={`${b.prefix}-${name}`} value={String(b.form[name])} onChange={(e) => b.set(name, e.target.value as F[typeof name])}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </AdminField>
  );
}

/** Delete with a second click to confirm; the row goes when replication brings the deletion. */
export function DeleteControl({ resource, id, prefix }: { resource: SlaResourceName; id: string; prefix: string }) {
  const { t } = useTranslation();
  const save = useSlaSave(resource);
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="link-button" data-testid={`${prefix}-delete`} onClick={() => setAsking(true)}>
        {t('slaAdmin.delete')}
      </button>
    );
  }
  return (
    <span className="form-actions">
      <span>{t('slaAdmin.deleteConfirm')}</span>
      <button type="button" data-testid={`${prefix}-delete-confirm`} disabled={save.saving} onClick={() => void save.remove(id)}>
        {t('slaAdmin.deleteYes')}
      </button>
      <button type="button" className="link-button" onClick={() => setAsking(false)}>
        {t('slaAdmin.deleteNo')}
      </button>
      <SaveMessage error={save.error} saved={false} />
    </span>
  );
}
