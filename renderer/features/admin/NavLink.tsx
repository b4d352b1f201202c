import { useTranslation } from 'react-i18next';
import { canOpenAdmin, type AdminActor } from '../../../shared/admin-access.ts';
import { hrefFor } from '../../app/router.ts';

/** The navigation entry, shown only to those the server lets administer something here. */
export function AdminNavLink({ user, hospitalId, active }: { user: AdminActor; hospitalId: string; active: boolean }) {
  const { t } = useTranslation();
  if (!canOpenAdmin(user, hospitalId)) return null;
  return (
    <a href={hrefFor.admin} data-testid="nav-admin" className={active ? 'active' : ''}>
      {t('admin.nav')}
    </a>
  );
}
