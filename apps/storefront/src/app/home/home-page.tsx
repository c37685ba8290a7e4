import { useDocumentTitle } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ImpactPanel } from '../allowance/impact-panel';
import { useSession } from '../auth/session-context';
import { SystemStatusPanel } from './system-status-panel';

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  useDocumentTitle(t('storefront.name'));
  return (
    <div className="sf-home">
      <div className="sf-home__main">
        <section className="sf-hero" aria-labelledby="sf-hero-title">
          <h1 id="sf-hero-title">{t('storefront.hero.title')}</h1>
          <p className="sf-hero__lead">{t('storefront.hero.lead')}</p>
          <p className="sf-hero__how">{t('storefront.hero.how')}</p>
          <div className="sf-actions">
            <Link className="fp-button fp-button--primary fp-button--lg" to="/products">
              {t('storefront.hero.browse')}
            </Link>
            {signedIn ? null : (
              <Link className="fp-button fp-button--secondary fp-button--lg" to="/login">
                {t('storefront.login.submit')}
              </Link>
            )}
          </div>
        </section>
        {signedIn ? <ImpactPanel /> : null}
      </div>
      <SystemStatusPanel />
    </div>
  );
}
