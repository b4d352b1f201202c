import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminEditor, type Choices } from './AdminEditor.tsx';
import type { AdminKind, AnyAdminDoc } from './forms.ts';

export type Column = { label: string; cell(doc: AnyAdminDoc): ReactNode; ltr?: boolean; testId?: string };

const NEW = '\u0000new';

/**
 * One kind of row: a table of what the desk holds, a "new" button, and per row an edit form
 * (and whatever `extra` adds, e.g. a password reset). Test ids: `admin-<kind>s`, `-new`, `-row`
 * (data-id, data-key), `-edit`, `-created`.
 */
export function AdminList(p: {
  kind: AdminKind;
  items: readonly AnyAdminDoc[];
  columns: readonly Column[];
  choices: Choices;
  rowKey(doc: AnyAdminDoc): string;
  extra?(doc: AnyAdminDoc): ReactNode;
  /** After a save (rows that do not replicate to this desk, hospitals, are listed again). */
  onSaved?(): void;
}) {
  const { t } = useTranslation();
  const prefix = `admin-${p.kind.kind}`;
  const [open, setOpen] = useState<string | null>(null);
  const [created, setCreated] = useState(false);
  const toggle = (id: string) => {
    setCreated(false);
    setOpen((current) => (current === id ? null : id));
  };
  const done = (wasCreated: boolean) => {
    setOpen(null);
    setCreated(wasCreated);
  };
  return (
    <section className="card" data-testid={`${prefix}s`}>
      <div className="list-head">
        <h2>{t(`admin.${p.kind.kind}.title`)}</h2>
        <button type="button" data-testid={`${prefix}-new`} onClick={() => toggle(NEW)}>
          {t(`admin.${p.kind.kind}.new`)}
        </button>
      </div>
      {created && (
        <p className="muted" data-testid={`${prefix}-created`}>
          {t('admin.created')}
        </p>
      )}
      {open === NEW && <AdminEditor kind={p.kind} doc={null} choices={p.choices} onDone={done} onSaved={p.onSaved} />}
      {p.items.length === 0 ? (
        <p className="muted">{t('admin.empty')}</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              {p.columns.map((c) => (
                <th key={c.label}>{c.label}</th>
              ))}
              <th>{t('admin.field.active')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {p.items.map((d) => (
              <Fragment key={d.id}>
                <tr data-testid={`${prefix}-row`} data-id={d.id} data-key={p.rowKey(d)} data-active={String(d.active)}>
                  {p.columns.map((c) => (
                    <td key={c.label} dir={c.ltr ? 'ltr' : undefined} data-testid={c.testId}>
                      {c.cell(d)}
                    </td>
                  ))}
                  <td>{d.active ? t('admin.yes') : t('admin.no')}</td>
                  <td>
                    <button type="button" className="link-button" data-testid={`${prefix}-edit`} onClick={() => toggle(d.id)}>
                      {t('admin.edit')}
                    </button>
                  </td>
                </tr>
                {open === d.id && (
                  <tr>
                    <td colSpan={p.columns.length + 2}>
                      {/* A saved change that comes back through replication starts the form afresh. */}
                      <Fragment key={`${d.id}:${d.updatedAt}`}>
                        <AdminEditor kind={p.kind} doc={d} choices={p.choices} onDone={done} onSaved={p.onSaved} />
                        {p.extra?.(d)}
                      </Fragment>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
