import { useTranslation } from 'react-i18next';
import type { SlaConfigDoc } from '../../../shared/documents.ts';
import { AdminSection, type Column } from './AdminSection.tsx';
import { ConfigEditor } from './ConfigEditor.tsx';
import { CONFIGS } from './kinds.ts';

const hours = (n: number | null) => (n === null ? '—' : String(n));

/** What a configuration applies to, in words: "Source MOH", "Severity high, priority any". */
export function useConfigLabel(): (c: SlaConfigDoc) => string {
  const { t } = useTranslation();
  return (c) =>
    c.sourceCode !== null
      ? t('slaAdmin.config.bySource', { source: c.sourceCode })
      : t('slaAdmin.config.bySeverity', {
          severity: c.severity ? t(`severity.${c.severity}`) : t('slaAdmin.any'),
          priority: c.priority ? t(`priority.${c.priority}`) : t('slaAdmin.any'),
        });
}

export function ConfigList({ configs }: { configs: SlaConfigDoc[] }) {
  const { t } = useTranslation();
  const scope = useConfigLabel();
  const reminder = (after: number | null, before: number) =>
    after !== null ? t('slaAdmin.config.after', { hours: after }) : t('slaAdmin.config.before', { hours: before });
  const columns: Column<SlaConfigDoc>[] = [
    { label: t('slaAdmin.config.scope'), cell: scope },
    { label: t('slaAdmin.config.slaHours'), cell: (c) => hours(c.slaHours), ltr: true },
    {
      label: t('slaAdmin.config.reminders'),
      cell: (c) =>
        `${reminder(c.firstReminderHoursAfter, c.reminderHoursBefore)} · ${
          c.secondReminderEnabled || c.secondReminderHoursAfter !== null ? reminder(c.secondReminderHoursAfter, c.secondReminderHoursBefore) : t('slaAdmin.config.noSecond')
        }`,
    },
    { label: t('slaAdmin.config.escalationHoursAfter'), cell: (c) => hours(c.escalationHoursAfter), ltr: true },
  ];
  const sorted = [...configs].sort((a, b) => scope(a).localeCompare(scope(b)));
  return (
    <AdminSection
      kind={CONFIGS}
      items={sorted}
      columns={columns}
      editor={(doc, onDone) => <ConfigEditor doc={doc} onDone={onDone} others={configs.filter((c) => c.id !== doc?.id)} />}
    />
  );
}
