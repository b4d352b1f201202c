import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type RecordColumn<D> = { label: string; cell(doc: D): ReactNode; ltr?: boolean; testId?: string };

/**
 * The translation keys of the words a record table shows: its own title, "new", empty-list and
 * "active" heading, and a namespace holding `created`, `yes`, `no` and `edit`.
 */
export type RecordTableLabels = { namespace: string; title: string; new: string; empty: string; active: string };

type Row = { id: string; updatedAt: number; active: boolean };

const NEW = '\u0000new';

/**
 * The administration screens' one shape: a table of what replication holds, a "new" button that
 * opens an empty editor, and per row an edit button that opens the row's editor below it. Test
 * ids: `<prefix>s` (the section), `<prefix>-new`, `<prefix>-row` (data-id, data-active, and
 * data-key when `rowKey` is given), `<prefix>-edit`, `<prefix>-created`.
 */
export function RecordTable<D extends Row>(p: {
  prefix: string;
  labels: RecordTableLabels;
  items: readonly D[];
  columns: readonly RecordColumn<D>[];
  canCreate?: boolean;
  rowKey?(doc: D): string;
  /** More controls beside the row's edit button (e.g. delete). */
  actions?(doc: D): ReactNode;
  /** The editor of a row, or of a new one (`doc` null); `done(true)` after a creation. */
  editor(doc: D | null, done: (created: boolean) => void): ReactNode;
}) {
  const { t } = useTranslation();
  const { prefix } = p;
  const labels = { ...p.labels, title: t(p.labels.title), new: t(p.labels.new), empty: t(p.labels.empty), active: t(p.labels.active) };
  const common = (key: 'created' | 'yes' | 'no' | 'edit') => t(`${p.labels.namespace}.${key}`);
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
        <h2>{labels.title}</h2>
        {(p.canCreate ?? true) && (
          <button type="button" data-testid={`${prefix}-new`} onClick={() => toggle(NEW)}>
            {labels.new}
          </button>
        )}
      </div>
      {created && (
        <p className="muted" data-testid={`${prefix}-created`}>
          {common('created')}
        </p>
      )}
      {open === NEW && p.editor(null, done)}
      {p.items.length === 0 ? (
        <p className="muted">{labels.empty}</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              {p.columns.map((c) => (
                <th key={c.label}>{c.label}</th>
              ))}
              <th>{labels.active}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {p.items.map((d) => (
              <Fragment key={d.id}>
                <tr data-testid={`${prefix}-row`} data-id={d.id} data-key={p.rowKey?.(d)} data-active={String(d.active)}>
                  {p.columns.map((c) => (
                    <td key={c.label} dir={c.ltr ? 'ltr' : undefined} data-testid={c.testId}>
                      {c.cell(d)}
                    </td>
                  ))}
                  <td>{d.active ? common('yes') : common('no')}</td>
                  <td>
                    <button type="button" className="link-button" data-testid={`${prefix}-edit`} onClick={() => toggle(d.id)}>
                      {common('edit')}
                    </button>
                    {p.actions?.(d)}
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
