import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface NotFoundStateProps {
  /** A link back home, made by the app's router (the library does not depend on one). */
  homeLink: ReactNode;
}

export function NotFoundState({ homeLink }: NotFoundStateProps) {
  const { t } = useTranslation();
  return (
    <section className="fp-state fp-state--not-found" aria-labelledby="fp-not-found-title">
      <h1 id="fp-not-found-title" className="fp-state__title">
        {t('common.notFound.title')}
      </h1>
      <p className="fp-state__description">{t('common.notFound.description')}</p>
      <div className="fp-state__action">{homeLink}</div>
    </section>
  );
}
