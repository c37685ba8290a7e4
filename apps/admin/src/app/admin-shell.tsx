import { AppLayout } from '@fupin/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { AdminNav } from './admin-nav';
import { useUser } from './auth/session-context';
import { UserMenu } from './auth/user-menu';

/** The frame of every page behind the login: role-aware menu, who is signed in, language switch. */
export function AdminShell() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <AppLayout
      title={<Link to="/">{t('admin.name')}</Link>}
      nav={<AdminNav role={user.role} />}
      collapsibleNav
      actions={<UserMenu />}
    >
      <Outlet />
    </AppLayout>
  );
}

/** The frame of the login page: no menu, nobody signed in yet. */
export function PublicShell({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return <AppLayout title={t('admin.name')}>{children ?? <Outlet />}</AppLayout>;
}
