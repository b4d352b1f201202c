import type { ReactNode } from 'react';
import { RecordTable, type RecordColumn } from '../../ui/RecordTable.tsx';
import { AdminEditor, type Choices } from './AdminEditor.tsx';
import type { AdminKind, AnyAdminDoc } from './forms.ts';

export type Column = RecordColumn<AnyAdminDoc>;

/**
 * One kind of row: the record table with this kind's editor (and whatever `extra` adds below
 * it, e.g. a password reset). Test ids as `RecordTable`'s with the prefix `admin-<kind>`.
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
  const kind = p.kind.kind;
  return (
    <RecordTable
      prefix={`admin-${kind}`}
      labels={{ namespace: 'admin', title: `admin.${kind}.title`, new: `admin.${kind}.new`, empty: 'admin.empty', active: 'admin.field.active' }}
      items={p.items}
      columns={p.columns}
      rowKey={p.rowKey}
      editor={(doc, done) => (
        <>
          <AdminEditor kind={p.kind} doc={doc} choices={p.choices} onDone={done} onSaved={p.onSaved} />
          {doc && p.extra?.(doc)}
        </>
      )}
    />
  );
}
