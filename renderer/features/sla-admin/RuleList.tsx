import { useTranslation } from 'react-i18next';
import type { EscalationRuleDoc } from '../../../shared/documents.ts';
import { useDesk } from '../../app/desk-context.ts';
import { useStaff } from '../../ui/reference-data.ts';
import { AdminSection, type Column } from './AdminSection.tsx';
import { RULES } from './kinds.ts';
import { RuleEditor } from './RuleEditor.tsx';

export function RuleList({ rules }: { rules: EscalationRuleDoc[] }) {
  const { t } = useTranslation();
  const staff = useStaff(useDesk());
  const target = (r: EscalationRuleDoc) => {
    if (r.targetRole !== 'named_user') return t(`sla.target.${r.targetRole}`);
    const who = staff.find((s) => s.id === r.targetUserId);
    return who ? who.displayName || who.username : t('sla.target.named_user');
  };
  const triggers = (r: EscalationRuleDoc) =>
    [
      r.triggerOnOverdue ? t('slaAdmin.rule.afterDeadline', { hours: r.triggerHoursOverdue }) : null,
      r.reminderEscalationEnabled ? t('slaAdmin.rule.afterReminder', { hours: r.reminderEscalationHours }) : null,
    ]
      .filter((x) => x !== null)
      .join(' · ') || '—';
  const filters = (r: EscalationRuleDoc) =>
    t('slaAdmin.config.bySeverity', {
      severity: r.severityFilter ? t(`severity.${r.severityFilter}`) : t('slaAdmin.any'),
      priority: r.priorityFilter ? t(`priority.${r.priorityFilter}`) : t('slaAdmin.any'),
    });
  const columns: Column<EscalationRuleDoc>[] = [
    { label: t('slaAdmin.rule.name'), cell: (r) => <span dir="auto">{r.name}</span> },
    { label: t('slaAdmin.rule.level'), cell: (r) => `${r.level} / ${r.maxLevel}`, ltr: true },
    { label: t('slaAdmin.rule.triggers'), cell: triggers },
    { label: t('slaAdmin.rule.targetRole'), cell: target },
    { label: t('slaAdmin.rule.filters'), cell: filters },
    { label: t('slaAdmin.rule.order'), cell: (r) => String(r.order), ltr: true },
  ];
  return (
    <AdminSection
      kind={RULES}
      items={rules}
      columns={columns}
      editor={(doc, onDone) => <RuleEditor doc={doc} onDone={onDone} existing={rules} />}
    />
  );
}
