import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EditForm } from '../../ui/EditForm.tsx';
import type { Binding } from './AdminField.tsx';
import { SaveMessage } from './AdminField.tsx';
import type { Checked } from './form-kit.ts';
import type { SlaKind } from './kinds.ts';
import { useSlaSave, type SlaSave } from './use-save.ts';

/** What every editor receives: the document to edit (null: a new one) and how to close. */
export type EditorProps<D> = { doc: D | null; onDone(created: boolean): void };

/**
 * A create-or-edit form's state and its saving: `submit` checks the form, POSTs a new document
 * (and closes the form: the new row arrives through replication) or PATCHes an existing one (the
 * form stays open and says it saved).
 */
export function useAdminForm<F, D extends { id: string }>(kind: SlaKind, { doc, onDone }: EditorProps<D>, initial: () => F) {
  const [form, setForm] = useState<F>(initial);
  const save = useSlaSave(kind.resource);
  const b: Binding<F> = {
    form,
    set: (key, value) => setForm((f) => ({ ...f, [key]: value })),
    fields: save.fields,
    prefix: kind.prefix,
    labels: kind.labels,
    path: '',
  };
  const submit = async <B extends object>(checked: Checked<B>): Promise<void> => {
    const ok = await save.save(checked, doc ? { id: doc.id } : { create: true });
    if (ok && !doc) onDone(true);
  };
  return { b, save, submit, close: () => onDone(false) };
}

export function AdminForm({ kind, save, onSubmit, onClose, children }: { kind: SlaKind; save: SlaSave; onSubmit(): void; onClose(): void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <EditForm prefix={kind.prefix} saving={save.saving} closeLabel={t('slaAdmin.close')} onSubmit={onSubmit} onClose={onClose}>
      {children}
      <SaveMessage error={save.error} saved={save.saved} />
    </EditForm>
  );
}
