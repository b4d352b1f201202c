import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaConfigDoc } from '../../../shared/documents.ts';
import { ConfigEditor } from './ConfigEditor.tsx';

const hours = (n: number | null) => (n === null ? '—' : String(n));

export function ConfigList({ configs }: { configs: SlaConfigDoc[] }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const scope = (c: SlaConfigDoc) =>
    c.sourceCode !== null
      ? t('slaAdmin.config.bySource', { source: c.sourceCode })
      : t('slaAdmin.config.bySeverity', {
          severity: c.severity ? t(`severity.${c.severity}`) : t('slaAdmin.any'),
          priority: c.priority ? t(`priority.${c.priority}`) : t('slaAdmin.any'),
        });
  const sorted = [...configs].sort((a, b) => scope(a).localeCompare(scope(b)));
  return (
    <section className="card" data-testid="sla-configs">
      <h2>{t('slaAdmin.config.title')}</h2>
      {sorted.length === 0 ? (
        <p className="muted">{t('slaAdmin.config.empty')}</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>{t('slaAdmin.config.scope')}</th>
              <th>{t('slaAdmin.config.slaHours')}</th>
              <th>{t('slaAdmin.config.reminders')}</th>
              <th>{t('slaAdmin.active')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sorted.map((c) => (
              <ConfigRow key={c.id} c={c} scope={scope(c)} editing={editing === c.id} onEdit={setEditing} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ConfigRow({ c, scope, editing, onEdit }: { c: SlaConfigDoc; scope: string; editing: boolean; onEdit(id: string | null): void }) {
  const { t } = useTranslation();
  const first = c.firstReminderHoursAfter !== null ? t('slaAdmin.config.after', { hours: c.firstReminderHoursAfter }) : t('slaAdmin.config.before', { hours: c.reminderHoursBefore });
  const second = !c.secondReminderEnabled
    ? t('slaAdmin.config.noSecond')
    : c.secondReminderHoursAfter !== null
      ? t('slaAdmin.config.after', { hours: c.secondReminderHoursAfter })
      : t('slaAdmin.config.before', { hours: c.secondReminderHoursBefore });
  return (
    <>
      <tr data-testid="sla-config-row" data-id={c.id} data-active={String(c.active)}>
        <td>{scope}</td>
        <td dir="ltr">{hours(c.slaHours)}</td>
        <td>
          {first} · {second}
        </td>
        <td>{c.active ? t('slaAdmin.yes') : t('slaAdmin.no')}</td>
        <td>
          <button type="button" className="link-button" data-testid="sla-config-edit" onClick={() => onEdit(editing ? null : c.id)}>
            {t('slaAdmin.edit')}
          </button>
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={5}>
            <ConfigEditor key={`${c.id}:${c.updatedAt}`} doc={c} onDone={() => onEdit(null)} />
          </td>
        </tr>
      )}
    </>
  );
}
