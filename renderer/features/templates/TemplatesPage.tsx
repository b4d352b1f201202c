import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateEntry } from '../../../shared/notifications/templates.ts';
import { useDesk } from '../../app/desk-context.ts';
import { useSyncStatus } from '../../ui/hooks.ts';
import { canEditTemplates } from './access.ts';
import { listTemplates } from './api.ts';
import { TemplateEditor } from './TemplateEditor.tsx';
import './templates.css';

export function TemplatesPage() {
  const { t } = useTranslation();
  const desk = useDesk();
  if (!canEditTemplates(desk.user, desk.hospitalId)) {
    return (
      <p className="card" data-testid="templates-forbidden">
        {t('templates.notAllowed')}
      </p>
    );
  }
  return <TemplatesContent />;
}

const keyOf = (e: Pick<TemplateEntry, 'channel' | 'template' | 'language'>) => `${e.channel}/${e.template}/${e.language}`;

function TemplatesContent() {
  const { t } = useTranslation();
  const desk = useDesk();
  const { online } = useSyncStatus(desk.status);
  const [entries, setEntries] = useState<TemplateEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);

  // Templates live on the server: load when the page opens, and again when the desk comes online.
  useEffect(() => {
    if (entries !== null || !online) return;
    let cancelled = false;
    setFailed(false);
    listTemplates(desk.replication.api, desk.hospitalId).then(
      (list) => !cancelled && setEntries(list),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [desk, online, entries]);

  const changed = (entry: TemplateEntry) => setEntries((list) => list?.map((e) => (keyOf(e) === keyOf(entry) ? entry : e)) ?? null);
  const selected = entries?.find((e) => keyOf(e) === editing) ?? null;

  return (
    <div className="templates" data-testid="templates-page">
      <h1>{t('templates.title')}</h1>
      <p className="muted">{t('templates.intro')}</p>
      {!online && (
        <p className="card warning" data-testid="templates-offline">
          {t('templates.offline')}
        </p>
      )}
      {failed && <p className="form-error">{t('templates.loadFailed')}</p>}
      {entries === null && online && !failed && <p className="muted">{t('templates.loading')}</p>}
      {selected && <TemplateEditor key={editing} entry={selected} onChanged={changed} onClose={() => setEditing(null)} />}
      {entries && (['sms', 'email'] as const).map((channel) => (
        <section className="card" key={channel}>
          <h2>{t(channel === 'sms' ? 'templates.sms' : 'templates.email')}</h2>
          <table className="list">
            <thead>
              <tr>
                <th>{t('templates.template')}</th>
                <th>{t('templates.language')}</th>
                <th>{t('templates.state')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {entries
                .filter((e) => e.channel === channel)
                .map((e) => (
                  <tr key={keyOf(e)} data-testid="template-row" data-template={e.template} data-language={e.language} data-custom={String(e.override !== null)}>
                    <td>{t(`templates.name.${e.template}`, { defaultValue: e.template })}</td>
                    <td>{t(`language.${e.language}`)}</td>
                    <td>{e.override ? <span className="badge">{t('templates.custom')}</span> : <span className="muted">{t('templates.default')}</span>}</td>
                    <td>
                      <button type="button" className="link-button" data-testid="template-edit" onClick={() => setEditing(keyOf(e))}>
                        {t('templates.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
