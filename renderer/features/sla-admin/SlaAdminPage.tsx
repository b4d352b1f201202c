import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/desk-context.ts';
import { useSyncStatus } from '../../ui/hooks.ts';
import { canAdministerSla } from './access.ts';
import { CalendarList } from './CalendarList.tsx';
import { ConfigList } from './ConfigList.tsx';
import { useCalendars, useEscalationRules, useSlaConfigs } from './data.ts';
import { RuleList } from './RuleList.tsx';

export function SlaAdminPage() {
  const { t } = useTranslation();
  const desk = useDesk();
  if (!canAdministerSla(desk.user, desk.hospitalId)) {
    return (
      <p className="card" data-testid="sla-admin-forbidden">
        {t('slaAdmin.notAllowed')}
      </p>
    );
  }
  return <SlaAdminContent />;
}

function SlaAdminContent() {
  const { t } = useTranslation();
  const desk = useDesk();
  const status = useSyncStatus(desk.status);
  const configs = useSlaConfigs(desk);
  const rules = useEscalationRules(desk);
  const calendars = useCalendars(desk);
  return (
    <div className="sla-admin" data-testid="sla-admin">
      <h1>{t('slaAdmin.title')}</h1>
      <p className="muted">{t('slaAdmin.intro')}</p>
      {!status.online && (
        <p className="card warning" data-testid="sla-admin-offline">
          {t('slaAdmin.offlineNote')}
        </p>
      )}
      {configs && rules && calendars ? (
        <>
          <ConfigList configs={configs} />
          <RuleList rules={rules} />
          <CalendarList calendars={calendars} configs={configs} />
        </>
      ) : (
        <p className="muted">{t('app.loading')}</p>
      )}
    </div>
  );
}
