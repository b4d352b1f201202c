import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { I18nextProvider } from 'react-i18next';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { App } from './app/App.tsx';
import { applyDocumentLanguage, createI18n, DEFAULT_LANGUAGE, isLanguage } from './i18n/index.ts';
import { createPlatform, readLanguage, writeLanguage } from './platform.ts';
import './app/styles.css';

// The CSP forbids eval; without this zod probes `new Function` and the browser reports a violation.
z.config({ jitless: true });

async function main() {
  const saved = readLanguage();
  const i18n = await createI18n(isLanguage(saved) ? saved : DEFAULT_LANGUAGE);
  const follow = (lng: string) => {
    if (!isLanguage(lng)) return;
    applyDocumentLanguage(lng);
    document.title = i18n.t('app.name');
    writeLanguage(lng);
  };
  follow(i18n.language);
  i18n.on('languageChanged', follow);

  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  createRoot(root).render(
    <I18nextProvider i18n={i18n}>
      <App platform={createPlatform()} storage={getRxStorageDexie()} />
    </I18nextProvider>,
  );
}

void main();
