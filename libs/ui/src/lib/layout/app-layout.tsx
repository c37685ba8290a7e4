import { useId, useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';

export interface AppLayoutProps {
  /** The app's name, shown as the page's top heading area. */
  title: ReactNode;
  /** Navigation links, placed in a labelled <nav>. */
  nav?: ReactNode;
  /**
   * On a phone, fold the menu behind a “菜单” button (a long staff menu would otherwise fill the
   * screen). Following a link in it folds it again. Off by default.
   */
  collapsibleNav?: boolean;
  /** Placed in the header before the language switch, e.g. who is signed in and a sign-out button. */
  actions?: ReactNode;
  /** `kiosk` enlarges type and touch targets for the village kiosk's 1024×768 touch screen. */
  variant?: 'standard' | 'kiosk';
  footer?: ReactNode;
  children: ReactNode;
}

const MAIN_ID = 'fp-main';

/** Page frame shared by the three apps: header (title, nav, language switch), main and footer. */
export function AppLayout({
  title,
  nav,
  collapsibleNav = false,
  actions,
  variant = 'standard',
  footer,
  children,
}: AppLayoutProps) {
  const { t } = useTranslation();
  const navId = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  const closeOnLink = (event: MouseEvent<HTMLElement>) => {
    if ((event.target as HTMLElement).closest('a')) setMenuOpen(false);
  };
  const navClass = [
    'fp-header__nav',
    collapsibleNav ? 'fp-header__nav--collapsible' : '',
    collapsibleNav && menuOpen ? 'fp-header__nav--open' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`fp-app fp-app--${variant}`}>
      <a className="fp-skip-link" href={`#${MAIN_ID}`}>
        {t('common.skipToContent')}
      </a>
      <header className="fp-header">
        <div className="fp-header__inner">
          <div className="fp-header__title">{title}</div>
          {nav && collapsibleNav ? (
            <button
              type="button"
              className="fp-header__menu-toggle"
              aria-expanded={menuOpen}
              aria-controls={navId}
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span> {t('common.menu')}
            </button>
          ) : null}
          {nav ? (
            <nav id={navId} className={navClass} aria-label={t('common.navLabel')} onClick={closeOnLink}>
              {nav}
            </nav>
          ) : null}
          {actions ? <div className="fp-header__actions">{actions}</div> : null}
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
