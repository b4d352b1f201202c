import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canAdminister, canGrantRole, canOpenAdmin } from '../../../shared/admin-access.ts';
import type { HospitalDoc, StaffDoc } from '../../../shared/documents.ts';
import { ROLES, SOURCE_KINDS } from '../../../shared/enums.ts';
import { useDesk } from '../../app/desk-context.ts';
import { useLanguage, useSyncStatus } from '../../ui/hooks.ts';
import { listHospitals } from './api.ts';
import type { Choices } from './AdminEditor.tsx';
import { AdminList } from './AdminList.tsx';
import { AssignmentSetting } from './AssignmentSetting.tsx';
import { useCategories, useDepartments, useOpenLoads, useSources, useStaff } from './data.ts';
import { CATEGORIES, DEPARTMENTS, HOSPITALS, SOURCES, STAFF, type AnyAdminDoc } from './forms.ts';
import { PasswordReset } from './PasswordReset.tsx';

/**
 * Administration of the directory (issue 6 item 6): what each section offers follows the shared
 * rule (shared/admin-access.ts) the server enforces. Lists come from the desk's replicated
 * collections (hospitals, which a desk holds only its own of, from the server); changes are online
 * actions.
 */
export function AdminPage() {
  const { t } = useTranslation();
  const desk = useDesk();
  if (!canOpenAdmin(desk.user, desk.hospitalId)) {
    return (
      <p className="card" data-testid="admin-forbidden">
        {t('admin.notAllowed')}
      </p>
    );
  }
  return <AdminContent />;
}

type Named = { nameAr: string; nameEn: string; code?: string };

function AdminContent() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const desk = useDesk();
  const status = useSyncStatus(desk.status);
  const departments = useDepartments(desk);
  const staff = useStaff(desk);
  const categories = useCategories(desk);
  const sources = useSources(desk);
  const loads = useOpenLoads(desk);
  const [hospitals, setHospitals] = useState<HospitalDoc[]>([]);
  const nameOf = useCallback((d: Named) => (lang === 'ar' ? d.nameAr : d.nameEn) || d.code || '', [lang]);
  const may = (r: 'hospitals' | 'sources') => canAdminister(desk.user, r, null);

  const refreshHospitals = useCallback(() => {
    if (!canAdminister(desk.user, 'hospitals', null)) return;
    listHospitals<HospitalDoc>(desk.replication.api, desk.status.getSnapshot().online).then(setHospitals, () => setHospitals([]));
  }, [desk]);
  useEffect(refreshHospitals, [refreshHospitals]);

  const choices: Choices = useMemo(() => {
    const people = (staff ?? []).filter((s) => s.active);
    return {
      roles: ROLES.filter((r) => canGrantRole(desk.user, r)).map((r) => ({ value: r, label: t(`admin.role.${r}`) })),
      kinds: SOURCE_KINDS.map((k) => ({ value: k, label: t(`admin.kind.${k}`) })),
      departments: (departments ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: nameOf(d) })),
      staff: people.map((s) => ({ value: s.id, label: s.displayName || s.username })),
      agents: people.map((s) => ({ value: s.id, label: s.displayName || s.username })),
    };
  }, [staff, departments, desk.user, t, nameOf]);

  if (!departments || !staff || !categories || !sources) return <p className="muted">{t('app.loading')}</p>;
  const staffName = new Map(staff.map((s) => [s.id, s.displayName || s.username]));
  const departmentName = new Map(departments.map((d) => [d.id, nameOf(d)]));
  const named = (d: AnyAdminDoc) => nameOf(d as Named);
  const code = { label: t('admin.field.code'), cell: (d: AnyAdminDoc) => (d as { code: string }).code, ltr: true };
  const name = { label: t('admin.field.name'), cell: named };

  return (
    <div className="sla-admin" data-testid="admin">
      <h1>{t('admin.title')}</h1>
      {!status.online && (
        <p className="card warning" data-testid="admin-offline">
          {t('admin.offlineNote')}
        </p>
      )}
      {may('hospitals') && <AdminList kind={HOSPITALS} items={hospitals} columns={[code, name]} choices={choices} rowKey={(d) => (d as HospitalDoc).code} onSaved={refreshHospitals} />}
      <AdminList
        kind={DEPARTMENTS}
        items={departments}
        columns={[code, name, { label: t('admin.field.managerId'), cell: (d) => staffName.get((d as { managerId: string | null }).managerId ?? '') ?? t('admin.none') }]}
        choices={choices}
        rowKey={(d) => (d as { code: string }).code}
      />
      <AdminList
        kind={STAFF}
        items={staff}
        columns={[
          { label: t('admin.field.username'), cell: (d) => (d as StaffDoc).username, ltr: true },
          { label: t('admin.field.displayName'), cell: (d) => (d as StaffDoc).displayName },
          { label: t('admin.field.role'), cell: (d) => t(`admin.role.${(d as StaffDoc).role}`) },
          { label: t('admin.field.departmentId'), cell: (d) => departmentName.get((d as StaffDoc).departmentId ?? '') ?? t('admin.none') },
          { label: t('admin.field.reportsToId'), cell: (d) => staffName.get((d as StaffDoc).reportsToId ?? '') ?? t('admin.none') },
          { label: t('admin.openLoad'), cell: (d) => loads.get(d.id) ?? 0, testId: 'admin-staff-load' },
        ]}
        choices={choices}
        rowKey={(d) => (d as StaffDoc).username}
        extra={(d) => <PasswordReset staffId={d.id} />}
      />
      <AdminList
        kind={CATEGORIES}
        items={categories}
        columns={[
          code,
          name,
          { label: t('admin.field.specialistIds'), cell: (d) => (d as { specialistIds: string[] }).specialistIds.map((id) => staffName.get(id) ?? id).join('، ') },
        ]}
        choices={choices}
        rowKey={(d) => (d as { code: string }).code}
      />
      <AssignmentSetting />
      {may('sources') && (
        <AdminList
          kind={SOURCES}
          items={sources}
          columns={[code, name, { label: t('admin.field.kind'), cell: (d) => t(`admin.kind.${(d as { kind: string }).kind}`) }]}
          choices={choices}
          rowKey={(d) => (d as { code: string }).code}
        />
      )}
    </div>
  );
}
