import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../ui/hooks.ts';

/** Shows the other language's name; switching also flips the page direction (see main.tsx). */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  return (
    <button
      type="button"
      className="link-button"
      data-testid="lang-toggle"
      lang={lang === 'ar' ? 'en' : 'ar'}
      aria-label={t('lang.switchLabel')}
      onClick={() => void i18n.changeLanguage(lang === 'ar' ? 'en' : 'ar')}
    >
      {t('lang.switchTo')}
    </button>
  );
}
