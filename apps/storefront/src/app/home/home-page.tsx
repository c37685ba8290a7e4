import { useDocumentTitle } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { SystemStatusPanel } from './system-status-panel';

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('storefront.name'));
  return (
    <div className="sf-home">
      <section className="sf-hero" aria-labelledby="sf-hero-title">
        <h1 id="sf-hero-title">{t('storefront.hero.title')}</h1>
        <p className="sf-hero__lead">{t('storefront.hero.lead')}</p>
      </section>
      <SystemStatusPanel />
    </div>
  );
}
