import { Button, Notice, TextField, useDocumentTitle } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useLanguage } from '../common/language';
import { loginErrorText } from './login-error';
import type { LoginRedirectState } from './require-session';
import { useSession, useSessionStore } from './session-context';

/** Username and password; says plainly what went wrong, how many tries are left, and when a lock ends. */
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
  useDocumentTitle(`${t('auth.login.title')} · ${t('admin.name')}`);

  if (session.status === 'signed-in' && !busy) return <Navigate to={from ?? '/'} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = { username: !username.trim(), password: !password };
    setMissing(next);
    if (next.username || next.password) return;
    setBusy(true);
    setError(null);
    try {
      await store.login(username.trim(), password);
      navigate(from ?? '/', { replace: true });
    } catch (caught) {
      setError(caught);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="admin-login">
      <h1>{t('auth.login.title')}</h1>
      <p className="admin-login__intro">{t('auth.login.intro')}</p>
      {session.reason === 'expired' && !error ? (
        <Notice tone="warning" title={t('auth.login.expired')} />
      ) : null}
      {session.reason === 'logout' && !error ? <Notice tone="ok" title={t('auth.login.loggedOut')} /> : null}
      {error ? <Notice tone="error" title={loginErrorText(error, t, language)} /> : null}
      <form className="admin-login__form" onSubmit={submit} noValidate>
        <TextField
          label={t('auth.login.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          error={missing.username ? t('auth.login.usernameMissing') : undefined}
          onChange={(event) => setUsername(event.target.value)}
        />
        <TextField
          label={t('auth.login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          error={missing.password ? t('auth.login.passwordMissing') : undefined}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" size="lg" block loading={busy}>
          {t('auth.login.submit')}
        </Button>
      </form>
    </div>
  );
}
