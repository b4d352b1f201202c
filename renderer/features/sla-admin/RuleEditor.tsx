import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationRuleDoc } from '../../../shared/documents.ts';
import { ESCALATION_TARGET_ROLES, type EscalationTargetRole } from '../../../shared/enums.ts';
import { useDesk } from '../../app/desk-context.ts';
import { useStaff } from '../../ui/reference-data.ts';
import { AdminField, SaveMessage } from './AdminField.tsx';
import { checkRuleForm, ruleFormOf, type RuleForm } from './forms.ts';
import { useSlaSave } from './use-save.ts';

export function RuleEditor({ doc, onDone }: { doc: EscalationRuleDoc; onDone(): void }) {
  const { t } = useTranslation();
  const staff = useStaff(useDesk());
  const [form, setForm] = useState<RuleForm>(() => ruleFormOf(doc));
  const { fields, error, saving, saved, save } = useSlaSave('escalation-rules', doc.id);
  const set = <K extends keyof RuleForm>(k: K, v: RuleForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  return (
    <form
      className="sla-edit"
      data-testid="sla-rule-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(checkRuleForm(form, doc.level));
      }}
    >
      <AdminField label={t('slaAdmin.rule.triggerHoursOverdue')} name="triggerHoursOverdue" error={fields.triggerHoursOverdue}>
        <input
          data-testid="sla-rule-triggerHoursOverdue"
          inputMode="decimal"
          dir="ltr"
          value={form.triggerHoursOverdue}
          onChange={(e) => set('triggerHoursOverdue', e.target.value)}
        />
      </AdminField>
      <AdminField label={t('slaAdmin.rule.targetRole')} name="targetRole" error={fields.targetRole}>
        <select data-testid="sla-rule-targetRole" value={form.targetRole} onChange={(e) => set('targetRole', e.target.value as EscalationTargetRole)}>
          {ESCALATION_TARGET_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`sla.target.${r}`)}
            </option>
          ))}
        </select>
      </AdminField>
      {form.targetRole === 'named_user' && (
        <AdminField label={t('slaAdmin.rule.targetUserId')} name="targetUserId" error={fields.targetUserId}>
          <select data-testid="sla-rule-targetUserId" value={form.targetUserId} onChange={(e) => set('targetUserId', e.target.value)}>
            <option value="">{t('slaAdmin.choose')}</option>
            {staff
              .filter((s) => s.active || s.id === form.targetUserId)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.displayName || s.username}
                </option>
              ))}
          </select>
        </AdminField>
      )}
      <AdminField label={t('slaAdmin.rule.maxLevel')} name="maxLevel" error={fields.maxLevel}>
        <input data-testid="sla-rule-maxLevel" inputMode="numeric" dir="ltr" value={form.maxLevel} onChange={(e) => set('maxLevel', e.target.value)} />
      </AdminField>
      <label className="field checkbox">
        <input type="checkbox" data-testid="sla-rule-active" checked={form.active} onChange={(e) => set('active', e.target.checked)} />
        {t('slaAdmin.active')}
      </label>
      <SaveMessage error={error} saved={saved} />
      <div className="form-actions">
        <button type="submit" data-testid="sla-rule-save" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          {t('slaAdmin.close')}
        </button>
      </div>
    </form>
  );
}
