import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { PUBLIC_PAGES } from './public-api';
import './dividends-public.css';

/** The public pages' own small menu: notices, fund flows, the chain check, a household's dividends. */
export function PublicLinks() {
  const { t } = useTranslation();
  const links = [
    [PUBLIC_PAGES.notices, t('divPublic.nav.notices')],
    [PUBLIC_PAGES.funds, t('divPublic.nav.funds')],
    [PUBLIC_PAGES.chain, t('divPublic.nav.chain')],
    [PUBLIC_PAGES.mine, t('divPublic.nav.mine')],
  ] as const;
  return (
    <nav className="div-public-links no-print" aria-label={t('divPublic.nav.label')}>
      {links.map(([to, label]) => (
        <NavLink key={to} to={to} end={to !== PUBLIC_PAGES.notices} className="div-public-links__link">
          {label}
        </NavLink>
      ))}
    </nav>
  );
}
