import { Button, Notice, TextField, useDocumentTitle } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useLanguage } from '../common/language';
import { loginErrorText } from './login-error';
import type { LoginRedirectState } from './require-session';
import { useSession, useSessionStore } from './session-context';

/** Buyers sign in with the account their work unit was given by the county. */
export function LoginPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const store = useSessionStore();
  const navigate = useNavigate();
  const from = (useLocation().state as LoginRedirectState | null)?.from;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(`${t('storefront.login.title')} · ${t('storefront.name')}`);

  if (session.status === 'signed-in' && !busy) return <Navigate to={from ?? '/products'} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = { username: !username.trim(), password: !password };
    setMissing(next);
    if (next.username || next.password) return;
    setBusy(true);
    setError(null);
    try {
      await store.login(username.trim(), password);
      navigate(from ?? '/products', { replace: true });
    } catch (caught) {
      setError(caught);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sf-login">
      <h1>{t('storefront.login.title')}</h1>
      <p className="sf-login__intro">{t('storefront.login.intro')}</p>
      {session.reason === 'expired' && !error ? (
        <Notice tone="warning" title={t('storefront.login.expired')} />
      ) : null}
      {session.reason === 'logout' && !error ? (
        <Notice tone="ok" title={t('storefront.login.loggedOut')} />
      ) : null}
      {error ? <Notice tone="error" title={loginErrorText(error, t, language)} /> : null}
      <form className="sf-login__form" onSubmit={submit} noValidate>
        <TextField
          label={t('storefront.login.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          error={missing.username ? t('storefront.login.usernameMissing') : undefined}
          onChange={(event) => setUsername(event.target.value)}
        />
        <TextField
          label={t('storefront.login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          error={missing.password ? t('storefront.login.passwordMissing') : undefined}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" size="lg" block loading={busy}>
          {t('storefront.login.submit')}
        </Button>
      </form>
    </div>
  );
}
