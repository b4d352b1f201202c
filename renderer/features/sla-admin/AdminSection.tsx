import type { ReactNode } from 'react';
import { RecordTable, type RecordColumn } from '../../ui/RecordTable.tsx';
import { DeleteControl } from './AdminField.tsx';
import type { SlaKind } from './kinds.ts';

export type Column<D> = RecordColumn<D>;
type SlaListDoc = { id: string; updatedAt: number; active: boolean };

/**
 * One kind of SLA document of the hospital: the record table with a delete control per row.
 * Test ids as `RecordTable`'s with the kind's prefix, plus `<prefix>-delete` and
 * `<prefix>-delete-confirm`.
 */
export function AdminSection<D extends SlaListDoc>(p: {
  kind: SlaKind;
  items: readonly D[];
  columns: readonly Column<D>[];
  canCreate?: boolean;
  editor(doc: D | null, onDone: (created: boolean) => void): ReactNode;
}) {
  const { prefix, labels, resource } = p.kind;
  return (
    <RecordTable
      prefix={prefix}
      labels={{ namespace: 'slaAdmin', title: `${labels}.title`, new: `${labels}.new`, empty: `${labels}.empty`, active: 'slaAdmin.active' }}
      items={p.items}
      columns={p.columns}
      canCreate={p.canCreate}
      actions={(d) => <DeleteControl resource={resource} id={d.id} prefix={prefix} />}
      editor={p.editor}
    />
  );
}
