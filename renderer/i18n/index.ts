import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/enums.ts';
import ar from './ar.json';
import en from './en.json';

export const RESOURCES = { ar: { translation: ar }, en: { translation: en } } as const;
export const DEFAULT_LANGUAGE: Language = 'ar';

export const isLanguage = (v: unknown): v is Language => v === 'ar' || v === 'en';

/** The page follows the language: Arabic right-to-left, English left-to-right. */
export function applyDocumentLanguage(lang: Language, doc: Document | undefined = globalThis.document): void {
  if (!doc) return;
  doc.documentElement.lang = lang;
  doc.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
}

/** A fresh i18next instance (no global one), Arabic unless told otherwise. */
export async function createI18n(lang: Language = DEFAULT_LANGUAGE): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources: RESOURCES,
    lng: lang,
    fallbackLng: false,
    supportedLngs: ['ar', 'en'],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return instance;
}

/** Dates as desk staff read them: Gregorian calendar, Latin digits (references are Latin too). */
const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();
export function formatDateTime(ms: number, lang: Language): string {
  // Made once per language: a formatter costs far more to build than to use (long lists).
  let f = dateTimeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(lang, f);
  }
  return f.format(new Date(ms));
}
