import type { UserView } from '@fupin/contracts';
import { Button, Notice, TextField, useApiClient } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordProblem } from '../auth/password-rules';
import { ConfirmButton } from '../common/confirm-button';
import { useErrorText } from '../common/use-error-text';

interface UserActionsProps {
  user: UserView;
  onChanged: (next: UserView, message: string) => void;
}

/** Disable or enable, lift a lockout, set a temporary password. */
export function UserActions({ user, onChanged }: UserActionsProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const base = `/api/registry/users/${user.id}`;

  const run = async (action: string, request: () => Promise<UserView>, message: string) => {
    setBusy(action);
    setFailure(null);
    try {
      onChanged(await request(), message);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  const resetPassword = async (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordProblem(password, user.username);
    setPasswordError(problem ? t(`auth.password.problem.${problem}`) : undefined);
    if (problem) return;
    await run(
      'password',
      () => client.post<UserView>(`${base}/password`, { newPassword: password }),
      t('users.actions.passwordSet'),
    );
    setPassword('');
    setResetting(false);
  };

  return (
    <section className="admin-section" aria-labelledby="user-actions-title">
      <h2 id="user-actions-title">{t('users.actions.title')}</h2>
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div className="admin-action-bar">
        {user.active ? (
          <ConfirmButton
            variant="danger"
            busy={busy === 'disable'}
            question={t('users.actions.disableQuestion', { name: user.displayName })}
            onConfirm={() =>
              run('disable', () => client.post<UserView>(`${base}/disable`), t('users.actions.disabled'))
            }
          >
            {t('users.actions.disable')}
          </ConfirmButton>
        ) : (
          <Button
            loading={busy === 'enable'}
            onClick={() =>
              run('enable', () => client.post<UserView>(`${base}/enable`), t('users.actions.enabled'))
            }
          >
            {t('users.actions.enable')}
          </Button>
        )}
        {user.locked ? (
          <Button
            loading={busy === 'unlock'}
            onClick={() =>
              run('unlock', () => client.post<UserView>(`${base}/unlock`), t('users.actions.unlocked'))
            }
          >
            {t('users.actions.unlock')}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={() => setResetting((open) => !open)} aria-expanded={resetting}>
          {t('users.actions.resetPassword')}
        </Button>
      </div>
      {resetting ? (
        <form className="admin-inline-form" onSubmit={resetPassword} noValidate>
          <TextField
            label={t('users.actions.temporaryPassword')}
            hint={t('users.actions.temporaryHint')}
            type="password"
            autoComplete="new-password"
            value={password}
            error={passwordError}
            onChange={(event) => setPassword(event.target.value)}
          />
          <Button type="submit" loading={busy === 'password'}>
            {t('users.actions.setPassword')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
