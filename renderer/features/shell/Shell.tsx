import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/desk-context.ts';
import { hrefFor, useRoute } from '../../app/router.ts';
import { useLanguage } from '../../ui/hooks.ts';
import { DetailPage } from '../detail/DetailPage.tsx';
import { useDeskShortcuts } from '../intake/shortcuts.ts';
import { IntakePage } from '../intake/IntakePage.tsx';
import { ListPage } from '../list/ListPage.tsx';
import { AdminNavLink } from '../admin/NavLink.tsx';
import { AdminPage } from '../admin/AdminPage.tsx';
import { SlaAdminNavLink } from '../sla-admin/NavLink.tsx';
import { SlaAdminPage } from '../sla-admin/SlaAdminPage.tsx';
import { NotificationBell } from '../notifications/Bell.tsx';
import { TemplatesNavLink } from '../templates/NavLink.tsx';
import { TemplatesPage } from '../templates/TemplatesPage.tsx';
import { StatsNavLink } from '../stats/NavLink.tsx';
import { StatsPage } from '../stats/StatsPage.tsx';
import { LanguageToggle } from './LanguageToggle.tsx';
import { FirstSyncProgress, SyncIndicator } from './SyncIndicator.tsx';

type Props = { onLogout(): void; onSwitchHospital(id: string): void };

export function Shell({ onLogout, onSwitchHospital }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const desk = useDesk();
  const route = useRoute();
  useDeskShortcuts();
  const hospitalName = (h: { nameAr: string; nameEn: string; code: string }) => (lang === 'ar' ? h.nameAr : h.nameEn) || h.code;
  const current = desk.hospitals.find((h) => h.id === desk.hospitalId);

  return (
    <div className="shell">
      <header className="shell-header">
        <div className="brand">
          <strong>{t('app.name')}</strong>
          {desk.hospitals.length > 1 && desk.user.hospitalId === null ? (
            <select
              data-testid="hospital-select"
              aria-label={t('shell.hospital')}
              value={desk.hospitalId}
              onChange={(e) => onSwitchHospital(e.target.value)}
            >
              {desk.hospitals.map((h) => (
                <option key={h.id} value={h.id}>
                  {hospitalName(h)}
                </option>
              ))}
            </select>
          ) : (
            current && <span className="muted">{hospitalName(current)}</span>
          )}
        </div>
        <nav className="nav">
          <a href={hrefFor.list} data-testid="nav-list" className={route.name === 'list' ? 'active' : ''}>
            {t('shell.navList')}
          </a>
          <a href={hrefFor.new} data-testid="nav-new" className={route.name === 'new' ? 'active' : ''}>
            {t('shell.navNew')}
          </a>
          <SlaAdminNavLink user={desk.user} hospitalId={desk.hospitalId} active={route.name === 'slaAdmin'} />
          <AdminNavLink user={desk.user} hospitalId={desk.hospitalId} active={route.name === 'admin'} />
          <TemplatesNavLink user={desk.user} hospitalId={desk.hospitalId} active={route.name === 'templates'} />
          <StatsNavLink active={route.name === 'stats'} />
        </nav>
        <SyncIndicator store={desk.status} />
        <div className="header-end">
          <NotificationBell />
          <span className="muted">{t('shell.signedInAs', { name: desk.user.displayName || desk.user.username })}</span>
          <LanguageToggle />
          <button type="button" className="link-button" data-testid="logout" onClick={onLogout}>
            {t('shell.logout')}
          </button>
        </div>
      </header>
      <FirstSyncProgress store={desk.status} />
      <main className="page">
        {route.name === 'new' && <IntakePage />}
        {route.name === 'list' && <ListPage />}
        {route.name === 'detail' && <DetailPage id={route.id} />}
        {route.name === 'slaAdmin' && <SlaAdminPage />}
        {route.name === 'admin' && <AdminPage />}
        {route.name === 'templates' && <TemplatesPage />}
        {route.name === 'stats' && <StatsPage />}
      </main>
    </div>
  );
}
