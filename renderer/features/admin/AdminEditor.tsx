import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/desk-context.ts';
import { EditForm } from '../../ui/EditForm.tsx';
import { createAdminDoc, patchAdminDoc } from './api.ts';
import type { AdminFieldError } from './errors.ts';
import type { AdminKind, AnyAdminDoc, ChoiceList, FieldSpec, FormState, FormValue } from './forms.ts';
import { useAdminSave, type AdminSave } from './use-admin-save.ts';

export type Option = { value: string; label: string };
export type Choices = Record<ChoiceList, readonly Option[]>;

/** A field's translated problem (test id `admin-error-<field>`). */
export function FieldProblem({ name, error }: { name: string; error: AdminFieldError | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <span className="field-error" role="alert" data-testid={`admin-error-${name}`} data-code={error}>
      {t(`admin.fieldError.${error}`)}
    </span>
  );
}

export function SaveOutcome({ save }: { save: AdminSave }) {
  const { t } = useTranslation();
  if (save.error) {
    return (
      <p className="field-error" role="alert" data-testid="admin-save-error" data-code={save.error.code}>
        {t(`admin.error.${save.error.code}`)}
      </p>
    );
  }
  return save.saved ? (
    <p className="muted" data-testid="admin-saved">
      {t('admin.saved')}
    </p>
  ) : null;
}

function Control({ spec, id, value, set, choices, label }: { spec: FieldSpec; id: string; value: FormValue; set(v: FormValue): void; choices: Choices; label: string }) {
  const { t } = useTranslation();
  const options = spec.choices ? choices[spec.choices] : [];
  switch (spec.kind) {
    case 'check':
      return <input type="checkbox" data-testid={id} checked={value === true} onChange={(e) => set(e.target.checked)} />;
    case 'select':
      return (
        <select data-testid={id} value={String(value)} onChange={(e) => set(e.target.value)}>
          {spec.choices !== 'roles' && spec.choices !== 'kinds' && <option value="">{t('admin.none')}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case 'multi':
      return (
        <select
          multiple
          data-testid={id}
          aria-label={label}
          value={Array.isArray(value) ? value : []}
          onChange={(e) => set([...e.target.selectedOptions].map((o) => o.value))}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    default:
      return (
        <input
          data-testid={id}
          type={spec.kind === 'password' ? 'password' : 'text'}
          autoComplete={spec.kind === 'password' ? 'new-password' : 'off'}
          dir={spec.name === 'code' || spec.name === 'username' || spec.name === 'nameEn' ? 'ltr' : 'auto'}
          value={String(value)}
          onChange={(e) => set(e.target.value)}
        />
      );
  }
}

/**
 * Create or edit one row. A new row is POSTed and the form closes (the row arrives through
 * replication); an edit is PATCHed and the form stays open saying it saved.
 */
export function AdminEditor({ kind, doc, choices, onDone, onSaved }: { kind: AdminKind; doc: AnyAdminDoc | null; choices: Choices; onDone(created: boolean): void; onSaved?(): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const [form, setForm] = useState<FormState>(() => kind.initial(doc));
  const save = useAdminSave();
  const prefix = `admin-${kind.kind}`;
  const submit = async () => {
    const checked = kind.check(form, doc === null);
    const ok = await save.save(checked, (api, online, body) =>
      doc === null
        ? createAdminDoc(api, online, kind.resource, kind.perHospital ? { ...body, hospitalId: desk.hospitalId } : body)
        : patchAdminDoc(api, online, kind.resource, doc.id, body),
    );
    if (ok) onSaved?.();
    if (ok && doc === null) onDone(true);
  };
  return (
    <EditForm prefix={prefix} saving={save.saving} closeLabel={t('admin.close')} onSubmit={() => void submit()} onClose={() => onDone(false)}>
      {kind.fields
        .filter((f) => !(f.createOnly && doc !== null))
        .map((f) => {
          const label = t(`admin.field.${f.name}`);
          return (
            <label key={f.name} className={f.kind === 'check' ? 'field checkbox' : 'field'}>
              <span className="field-label">{label}</span>
              <Control spec={f} id={`${prefix}-${f.name}`} value={form[f.name] ?? ''} set={(v) => setForm((s) => ({ ...s, [f.name]: v }))} choices={choices} label={label} />
              <FieldProblem name={f.name} error={save.fields[f.name]} />
            </label>
          );
        })}
      <SaveOutcome save={save} />
    </EditForm>
  );
}
