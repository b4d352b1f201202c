import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../../shared/enums.ts';
import { useDesk } from '../../app/desk-context.ts';
import { hrefFor, navigate } from '../../app/router.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useLanguage, useObservable } from '../../ui/hooks.ts';
import { watchNewestPage, type ListPage as Page } from './list-query.ts';

const PAGE = 100;

export function ListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const desk = useDesk();
  const [status, setStatus] = useState<ComplaintStatus | ''>('');
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const page = useObservable<Page | null>(
    () => watchNewestPage(desk.db.complaints, { status, search }, limit),
    [desk, status, search, limit],
    null,
  );

  return (
    <section className="card">
      <div className="list-head">
        <h1>{t('list.heading')}</h1>
        <input
          data-testid="list-search"
          type="search"
          value={search}
          placeholder={t('list.search')}
          aria-label={t('list.search')}
          onChange={(e) => {
            setSearch(e.target.value);
            setLimit(PAGE);
          }}
        />
        <select
          data-testid="list-status-filter"
          value={status}
          aria-label={t('list.status')}
          onChange={(e) => {
            setStatus(e.target.value as ComplaintStatus | '');
            setLimit(PAGE);
          }}
        >
          <option value="">{t('list.allStatuses')}</option>
          {COMPLAINT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {page && page.rows.length === 0 && <p className="muted">{t('list.empty')}</p>}
      {page && page.rows.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th>{t('list.reference')}</th>
              <th>{t('list.title')}</th>
              <th>{t('list.complainant')}</th>
              <th>{t('list.status')}</th>
              <th>{t('list.priority')}</th>
              <th>{t('list.created')}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((c) => (
              <tr
                key={c.id}
                data-testid="complaint-row"
                data-reference={c.referenceNumber}
                tabIndex={0}
                onClick={() => navigate(hrefFor.detail(c.id))}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') navigate(hrefFor.detail(c.id));
                }}
              >
                <td dir="ltr" className="ref">
                  {c.referenceNumber}
                </td>
                <td>
                  <bdi>{c.title}</bdi>
                </td>
                <td>
                  <bdi>{c.complainant.name}</bdi>
                </td>
                <td>
                  <span className={`badge status-${c.status}`}>{t(`status.${c.status}`)}</span>
                </td>
                <td>
                  <span className={`badge priority-${c.priority}`}>{t(`priority.${c.priority}`)}</span>
                </td>
                <td>{formatDateTime(c.createdAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page && page.total > page.rows.length && (
        <div className="form-actions">
          <span className="muted">{t('list.showing', { shown: page.rows.length, total: page.total })}</span>
          <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
            {t('list.more')}
          </button>
        </div>
      )}
    </section>
  );
}
