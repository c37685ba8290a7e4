import type { Role } from '@fupin/contracts';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { can, type Permission } from './auth/permissions';
import { DIVIDENDS_NAV } from './dividends/dividends-routes';
import { MARKET_NAV } from './market/market-routes';
import { POINTS_NAV } from './points/points-routes';

export interface NavItem {
  to: string;
  label: string;
  /** Shown only to roles with this permission; none: everyone signed in. */
  permission?: Permission;
}

const ITEMS: readonly NavItem[] = [
  { to: '/', label: 'admin.nav.dashboard' },
  { to: '/regions', label: 'admin.nav.regions', permission: 'regions.read' },
  { to: '/households', label: 'admin.nav.households', permission: 'households.read' },
  { to: '/organisations', label: 'admin.nav.organisations', permission: 'organisations.read' },
  { to: '/users', label: 'admin.nav.users', permission: 'users.read' },
  ...POINTS_NAV,
  ...MARKET_NAV,
  ...DIVIDENDS_NAV,
  { to: '/audit', label: 'admin.nav.audit', permission: 'audit.read' },
  { to: '/password', label: 'admin.nav.password' },
];

/** The menu, holding only what the signed-in role may use. */
export function AdminNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <ul>
      {ITEMS.filter((item) => !item.permission || can(role, item.permission)).map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.to === '/'}>
            {t(item.label)}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
