import { shared, useLanguage } from '@tavli/i18n/i18n';

/** Greek ⇄ English, remembered on the device. */
export function LanguageSwitch() {
  const t = shared.useT();
  const setLanguage = useLanguage((state) => state.setLanguage);
  return (
    <button
      type="button"
      className="chip-button"
      lang={t.language === 'el' ? 'en' : 'el'}
      // The name starts with what the button shows, so "press EN" works by voice (WCAG 2.5.3).
      aria-label={`${t('common.switchLanguage')} · ${t('common.switchLanguageLabel')}`}
      onClick={() => setLanguage(t.language === 'el' ? 'en' : 'el')}
    >
      {t('common.switchLanguage')}
    </button>
  );
}
