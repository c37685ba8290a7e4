import { AppLayout } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router-dom';

export function AdminShell() {
  const { t } = useTranslation();
  return (
    <AppLayout
      title={<Link to="/">{t('admin.name')}</Link>}
      nav={
        <ul>
          <li>
            <NavLink to="/" end>
              {t('admin.dashboard')}
            </NavLink>
          </li>
        </ul>
      }
    >
      <Outlet />
    </AppLayout>
  );
}
