import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/api.ts';
import { hrefFor } from '../../app/router.ts';
import { canAdministerSla } from './access.ts';

/** The navigation entry, shown only to those the server lets change SLA settings. */
export function SlaAdminNavLink({ user, hospitalId, active }: { user: Pick<SessionUser, 'role' | 'hospitalId'>; hospitalId: string; active: boolean }) {
  const { t } = useTranslation();
  if (!canAdministerSla(user, hospitalId)) return null;
  return (
    <a href={hrefFor.slaAdmin} data-testid="nav-sla-admin" className={active ? 'active' : ''}>
      {t('shell.navSlaAdmin')}
    </a>
  );
}
