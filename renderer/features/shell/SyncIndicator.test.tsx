import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../i18n/index.ts';
import { SyncStatusStore } from '../../sync/status.ts';
import { FirstSyncProgress, SyncIndicator } from './SyncIndicator.tsx';

async function render(store: SyncStatusStore, lang: 'ar' | 'en' = 'ar') {
  const i18n = await createI18n(lang);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <SyncIndicator store={store} />
      <FirstSyncProgress store={store} />
    </I18nextProvider>,
  );
}

describe('sync indicator', () => {
  it('exposes online state and unsynced count as attributes, with translated text', async () => {
    const html = await render(new SyncStatusStore({ lastRequestOk: false, pending: 3 }));
    expect(html).toContain('data-testid="sync-indicator"');
    expect(html).toContain('data-online="false"');
    expect(html).toContain('data-pending="3"');
    expect(html).toContain('غير متصل');
    expect(html).toContain('3 تغييرات لم تُزامن بعد');
    expect(html).not.toContain('sync-progress');
  });

  it('shows first-sync progress while the first download runs', async () => {
    const html = await render(new SyncStatusStore({ firstSync: { pulled: 120, estimate: 700 } }), 'en');
    expect(html).toContain('data-online="true"');
    expect(html).toContain('data-testid="sync-progress"');
    expect(html).toContain('120 of about 700 records');
  });
});
