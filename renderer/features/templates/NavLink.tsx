import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/api.ts';
import { hrefFor } from '../../app/router.ts';
import { canEditTemplates } from './access.ts';

/** The navigation entry, shown only to those the server lets edit templates. */
export function TemplatesNavLink({ user, hospitalId, active }: { user: Pick<SessionUser, 'role' | 'hospitalId'>; hospitalId: string; active: boolean }) {
  const { t } = useTranslation();
  if (!canEditTemplates(user, hospitalId)) return null;
  return (
    <a href={hrefFor.templates} data-testid="nav-templates" className={active ? 'active' : ''}>
      {t('templates.nav')}
    </a>
  );
}
