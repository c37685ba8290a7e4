import { useDocumentTitle } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { SystemStatus } from './system-status';

/** What a villager sees on walking up to the kiosk. */
export function StartPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('kiosk.name'));
  return (
    <div className="kiosk-start">
      <section className="kiosk-welcome" aria-labelledby="kiosk-welcome-title">
        <h1 id="kiosk-welcome-title" className="kiosk-welcome__title">
          {t('kiosk.welcome.title')}
        </h1>
        <p className="kiosk-welcome__prompt">{t('kiosk.welcome.prompt')}</p>
        <p className="kiosk-welcome__motto">{t('kiosk.welcome.motto')}</p>
      </section>
      <SystemStatus />
    </div>
  );
}
