import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/router.ts';

/** Every signed-in role has a dashboard; what it covers depends on the role (shared/stats/scope.ts). */
export function StatsNavLink({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <a href={hrefFor.stats} data-testid="nav-stats" className={active ? 'active' : ''}>
      {t('stats.nav')}
    </a>
  );
}
