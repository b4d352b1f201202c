import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationRuleDoc } from '../../../shared/documents.ts';
import { RuleEditor } from './RuleEditor.tsx';

export function RuleList({ rules }: { rules: EscalationRuleDoc[] }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="card" data-testid="sla-rules">
      <h2>{t('slaAdmin.rule.title')}</h2>
      {rules.length === 0 ? (
        <p className="muted">{t('slaAdmin.rule.empty')}</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>{t('slaAdmin.rule.name')}</th>
              <th>{t('slaAdmin.rule.level')}</th>
              <th>{t('slaAdmin.rule.triggerHoursOverdue')}</th>
              <th>{t('slaAdmin.rule.targetRole')}</th>
              <th>{t('slaAdmin.rule.maxLevel')}</th>
              <th>{t('slaAdmin.active')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <RuleRow key={r.id} r={r} editing={editing === r.id} onEdit={setEditing} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RuleRow({ r, editing, onEdit }: { r: EscalationRuleDoc; editing: boolean; onEdit(id: string | null): void }) {
  const { t } = useTranslation();
  return (
    <>
      <tr data-testid="sla-rule-row" data-id={r.id} data-active={String(r.active)}>
        <td dir="auto">{r.name}</td>
        <td dir="ltr">{r.level}</td>
        <td dir="ltr">{r.triggerOnOverdue ? r.triggerHoursOverdue : '—'}</td>
        <td>{t(`sla.target.${r.targetRole}`)}</td>
        <td dir="ltr">{r.maxLevel}</td>
        <td>{r.active ? t('slaAdmin.yes') : t('slaAdmin.no')}</td>
        <td>
          <button type="button" className="link-button" data-testid="sla-rule-edit" onClick={() => onEdit(editing ? null : r.id)}>
            {t('slaAdmin.edit')}
          </button>
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={7}>
            <RuleEditor key={`${r.id}:${r.updatedAt}`} doc={r} onDone={() => onEdit(null)} />
          </td>
        </tr>
      )}
    </>
  );
}
