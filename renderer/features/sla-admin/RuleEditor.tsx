import { useTranslation } from 'react-i18next';
import type { EscalationRuleDoc } from '../../../shared/documents.ts';
import { ESCALATION_TARGET_ROLES, PRIORITIES, SEVERITIES } from '../../../shared/enums.ts';
import { useDesk } from '../../app/desk-context.ts';
import { useStaff } from '../../ui/reference-data.ts';
import { CheckBox, Choice, TextBox } from './AdminField.tsx';
import { AdminForm, useAdminForm, type EditorProps } from './AdminForm.tsx';
import { RULES } from './kinds.ts';
import { checkRuleForm, ruleFormOf } from './rule-form.ts';

/** Create or edit an escalation rule; a named target is picked from the hospital's active staff. */
export function RuleEditor({ existing, ...editing }: EditorProps<EscalationRuleDoc> & { existing: readonly EscalationRuleDoc[] }) {
  const { t } = useTranslation();
  const staff = useStaff(useDesk());
  const { b, save, submit, close } = useAdminForm(RULES, editing, () => ruleFormOf(editing.doc, existing));
  const any = { value: '', label: t('slaAdmin.any') };
  const people = staff.filter((s) => s.active || s.id === b.form.targetUserId).map((s) => ({ value: s.id, label: s.displayName || s.username }));
  return (
    <AdminForm kind={RULES} save={save} onSubmit={() => void submit(checkRuleForm(b.form))} onClose={close}>
      <TextBox b={b} name="name" />
      <TextBox b={b} name="level" numeric />
      <TextBox b={b} name="maxLevel" numeric />
      <CheckBox b={b} name="triggerOnOverdue" />
      <TextBox b={b} name="triggerHoursOverdue" numeric disabled={!b.form.triggerOnOverdue} />
      <CheckBox b={b} name="reminderEscalationEnabled" />
      <TextBox b={b} name="reminderEscalationHours" numeric disabled={!b.form.reminderEscalationEnabled} />
      <Choice b={b} name="targetRole" options={ESCALATION_TARGET_ROLES.map((r) => ({ value: r, label: t(`sla.target.${r}`) }))} />
      {b.form.targetRole === 'named_user' && <Choice b={b} name="targetUserId" options={[{ value: '', label: t('slaAdmin.choose') }, ...people]} />}
      <Choice b={b} name="severityFilter" options={[any, ...SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))]} />
      <Choice b={b} name="priorityFilter" options={[any, ...PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))]} />
      <TextBox b={b} name="order" numeric />
      <CheckBox b={b} name="active" label={t('slaAdmin.active')} />
    </AdminForm>
  );
}
