import { ErrorState, LoadingState } from '@fupin/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ForbiddenPage } from './forbidden-page';
import { can, type Permission } from './permissions';
import { useSession, useSessionStore, useUser } from './session-context';

/** The state the login page reads to go back where the reader was sent from. */
export interface LoginRedirectState {
  from?: string;
}

/**
 * Pages behind it need a signed-in staff member: while a kept session is restored it says so,
 * signed-out readers go to the login page (and come back after), and a user who must change the
 * password is sent to do that first.
 */
export function RequireSession() {
  const { t } = useTranslation();
  const session = useSession();
  const store = useSessionStore();
  const location = useLocation();
  if (session.status === 'restoring') {
    return (
      <div className="admin-session-gate">
        <LoadingState label={t('auth.restoring')} />
      </div>
    );
  }
  if (session.status === 'unreachable') {
    return (
      <div className="admin-session-gate">
        <ErrorState
          title={t('common.health.networkDown')}
          message={t('common.error.network')}
          onRetry={() => void store.restore()}
        />
      </div>
    );
  }
  if (session.status === 'signed-out' || !session.user) {
    const state: LoginRedirectState =
      session.reason === 'logout' ? {} : { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  if (session.user.mustChangePassword && location.pathname !== '/password') {
    return <Navigate to="/password" replace />;
  }
  return <Outlet />;
}

/** Shows the page only to roles that may use it; others see a plain “没有权限”. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const user = useUser();
  return can(user.role, permission) ? children : <ForbiddenPage />;
}
