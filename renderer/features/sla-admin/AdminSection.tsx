import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DeleteControl } from './AdminField.tsx';
import type { SlaKind } from './kinds.ts';

export type Column<D> = { label: string; cell(doc: D): ReactNode; ltr?: boolean };
type SlaListDoc = { id: string; updatedAt: number; active: boolean };

const NEW = '\u0000new';

/**
 * One kind of SLA document of the hospital: a table of what replication holds, a "new" button,
 * and per row edit and delete. The editors come from the caller; the test ids are
 * `<prefix>s` (the section), `<prefix>-new`, `<prefix>-row` (data-id), `<prefix>-edit`,
 * `<prefix>-delete`, `<prefix>-delete-confirm` and `<prefix>-created`.
 */
export function AdminSection<D extends SlaListDoc>(p: {
  kind: SlaKind;
  items: readonly D[];
  columns: readonly Column<D>[];
  canCreate?: boolean;
  editor(doc: D | null, onDone: (created: boolean) => void): ReactNode;
}) {
  const { t } = useTranslation();
  const { prefix, labels, resource } = p.kind;
  const [open, setOpen] = useState<string | null>(null);
  const [created, setCreated] = useState(false);
  const done = (wasCreated: boolean) => {
    setOpen(null);
    setCreated(wasCreated);
  };
  const toggle = (id: string) => {
    setCreated(false);
    setOpen((current) => (current === id ? null : id));
  };
  return (
    <section className="card" data-testid={`${prefix}s`}>
      <div className="list-head">
        <h2>{t(`${labels}.title`)}</h2>
        {(p.canCreate ?? true) && (
          <button type="button" data-testid={`${prefix}-new`} onClick={() => toggle(NEW)}>
            {t(`${labels}.new`)}
          </button>
        )}
      </div>
      {created && (
        <p className="muted" data-testid={`${prefix}-created`}>
          {t('slaAdmin.created')}
        </p>
      )}
      {open === NEW && p.editor(null, done)}
      {p.items.length === 0 ? (
        <p className="muted">{t(`${labels}.empty`)}</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              {p.columns.map((c) => (
                <th key={c.label}>{c.label}</th>
              ))}
              <th>{t('slaAdmin.active')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {p.items.map((d) => (
              <Fragment key={d.id}>
                <tr data-testid={`${prefix}-row`} data-id={d.id} data-active={String(d.active)}>
                  {p.columns.map((c) => (
                    <td key={c.label} dir={c.ltr ? 'ltr' : undefined}>
                      {c.cell(d)}
                    </td>
                  ))}
                  <td>{d.active ? t('slaAdmin.yes') : t('slaAdmin.no')}</td>
                  <td>
                    <button type="button" className="link-button" data-testid={`${prefix}-edit`} onClick={() => toggle(d.id)}>
                      {t('slaAdmin.edit')}
                    </button>
                    <DeleteControl resource={resource} id={d.id} prefix={prefix} />
                  </td>
                </tr>
                {open === d.id && (
                  <tr>
                    <td colSpan={p.columns.length + 2}>
                      {/* A saved change that comes back through replication starts the form afresh. */}
                      <Fragment key={`${d.id}:${d.updatedAt}`}>{p.editor(d, done)}</Fragment>
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
