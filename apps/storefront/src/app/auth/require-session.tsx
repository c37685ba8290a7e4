import { ErrorState, LoadingState } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession, useSessionStore } from './session-context';

/** The state the login page reads to go back where the reader was sent from. */
export interface LoginRedirectState {
  from?: string;
}

/**
 * Pages behind it need a signed-in buyer: while a kept session is restored it says so, and
 * signed-out readers go to the login page (and come back after).
 */
export function RequireSession() {
  const { t } = useTranslation();
  const session = useSession();
  const store = useSessionStore();
  const location = useLocation();
  if (session.status === 'restoring') {
    return <LoadingState label={t('storefront.login.restoring')} />;
  }
  if (session.status === 'unreachable') {
    return (
      <ErrorState
        title={t('common.health.networkDown')}
        message={t('common.error.network')}
        onRetry={() => void store.restore()}
      />
    );
  }
  if (session.status === 'signed-out' || !session.user) {
    const state: LoginRedirectState =
      session.reason === 'logout' ? {} : { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}
