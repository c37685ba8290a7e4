import { AppLayout } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router-dom';

export function StorefrontShell() {
  const { t } = useTranslation();
  return (
    <AppLayout
      title={<Link to="/">{t('storefront.name')}</Link>}
      nav={
        <ul>
          <li>
            <NavLink to="/" end>
              {t('storefront.home')}
            </NavLink>
          </li>
        </ul>
      }
    >
      <Outlet />
    </AppLayout>
  );
}
