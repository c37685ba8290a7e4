import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';

export interface AppLayoutProps {
  /** The app's name, shown as the page's top heading area. */
  title: ReactNode;
  /** Navigation links, placed in a labelled <nav>. */
  nav?: ReactNode;
  /** `kiosk` enlarges type and touch targets for the village kiosk's 1024×768 touch screen. */
  variant?: 'standard' | 'kiosk';
  footer?: ReactNode;
  children: ReactNode;
}

const MAIN_ID = 'fp-main';

/** Page frame shared by the three apps: header (title, nav, language switch), main and footer. */
export function AppLayout({ title, nav, variant = 'standard', footer, children }: AppLayoutProps) {
  const { t } = useTranslation();
  return (
    <div className={`fp-app fp-app--${variant}`}>
      <a className="fp-skip-link" href={`#${MAIN_ID}`}>
        {t('common.skipToContent')}
      </a>
      <header className="fp-header">
        <div className="fp-header__inner">
          <div className="fp-header__title">{title}</div>
          {nav ? (
            <nav className="fp-header__nav" aria-label={t('common.navLabel')}>
              {nav}
            </nav>
          ) : null}
          <LanguageSwitch />
        </div>
      </header>
      <main id={MAIN_ID} className="fp-main" tabIndex={-1}>
        {children}
      </main>
      {footer ? <footer className="fp-footer">{footer}</footer> : null}
    </div>
  );
}
