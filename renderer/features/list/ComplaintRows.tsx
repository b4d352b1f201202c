import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ComplaintDoc } from '../../../shared/documents.ts';
import { hrefFor, navigate } from '../../app/router.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useLanguage } from '../../ui/hooks.ts';

type Props = {
  rows: ComplaintDoc[];
  done: boolean;
  staffName(id: string): string;
  selected: ReadonlySet<string>;
  onToggle(id: string): void;
  onToggleAll(): void;
  onNeedMore(): void;
};

const ROW_HEIGHT = 46;

/**
 * The complaint rows, virtualised: only the rows in view (and a few around) are in the page, so
 * a list of 100,000 scrolls like one of 100. More rows are asked for when the end comes into view.
 * Keyboard: ↑/↓ move between rows, Enter opens, Space selects. Memoised: typing in the search box
 * re-renders the rows only when the answer arrives.
 */
export const ComplaintRows = memo(function ComplaintRows({ rows, done, staffName, selected, onToggle, onToggleAll, onNeedMore }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const scroller = useRef<HTMLDivElement>(null);
  const count = rows.length + (done ? 0 : 1);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => rows[i]?.id ?? 'more',
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (!done && lastIndex >= rows.length - 1) onNeedMore();
  }, [lastIndex, rows.length, done, onNeedMore]);

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    virtualizer.scrollToIndex(target);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus());
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>, index: number, c: ComplaintDoc) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter') navigate(hrefFor.detail(c.id));
    else if (e.key === ' ') onToggle(c.id);
    else if (e.key === 'ArrowDown') focusRow(index + 1);
    else if (e.key === 'ArrowUp') focusRow(index - 1);
    else return;
    e.preventDefault();
  };

  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <div className="vlist" role="table" aria-rowcount={rows.length} data-testid="complaint-rows">
      <div className="vrow vhead" role="row">
        <span role="columnheader" className="vcheck">
          <input type="checkbox" data-testid="select-all" aria-label={t('list.selectAll')} checked={allSelected} onChange={onToggleAll} />
        </span>
        <span role="columnheader">{t('list.reference')}</span>
        <span role="columnheader">{t('list.title')}</span>
        <span role="columnheader">{t('list.complainant')}</span>
        <span role="columnheader">{t('list.status')}</span>
        <span role="columnheader">{t('list.priority')}</span>
        <span role="columnheader">{t('list.assignee')}</span>
        <span role="columnheader">{t('list.due')}</span>
        <span role="columnheader">{t('list.created')}</span>
      </div>
      <div className="vscroll" ref={scroller}>
        <div className="vspace" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const c = rows[item.index];
            const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
            if (!c) {
              return (
                <div key={item.key} className="vrow vmore muted" style={style} role="row">
                  <span role="cell">{t('app.loading')}</span>
                </div>
              );
            }
            const isSelected = selected.has(c.id);
            return (
              <div
                key={item.key}
                data-index={item.index}
                className={isSelected ? 'vrow selected' : 'vrow'}
                style={style}
                role="row"
                aria-selected={isSelected}
                tabIndex={0}
                data-testid="complaint-row"
                data-reference={c.referenceNumber}
                data-status={c.status}
                onClick={() => navigate(hrefFor.detail(c.id))}
                onKeyDown={(e) => onKey(e, item.index, c)}
              >
                <span role="cell" className="vcheck" onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    data-testid="row-select"
                    aria-label={t('list.selectRow', { reference: c.referenceNumber })}
                    checked={isSelected}
                    onChange={() => onToggle(c.id)}
                  />
                </span>
                <span role="cell" dir="ltr" className="ref">
                  {c.referenceNumber}
                </span>
                <span role="cell" dir="auto">
                  {c.title}
                </span>
                <span role="cell" dir="auto">
                  {c.complainant.name}
                </span>
                <span role="cell">
                  <span className={`badge status-${c.status}`}>{t(`status.${c.status}`)}</span>
                </span>
                <span role="cell">
                  <span className={`badge priority-${c.priority}`}>{t(`priority.${c.priority}`)}</span>
                </span>
                <span role="cell">
                  {c.assigneeId ? staffName(c.assigneeId) : <span className="muted">{t('list.unassigned')}</span>}
                </span>
                <span role="cell" className={c.overdue ? 'overdue-text' : ''}>
                  {c.dueAt === null ? <span className="muted">—</span> : formatDateTime(c.dueAt, lang)}
                </span>
                <span role="cell">{formatDateTime(c.createdAt, lang)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});
