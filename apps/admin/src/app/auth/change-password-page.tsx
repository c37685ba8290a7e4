import { isApiClientError } from '@fupin/api-client';
import type { TokenPairResponse } from '@fupin/contracts';
import { Button, Notice, TextField, useApiClient } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header';
import { useErrorText } from '../common/use-error-text';
import { passwordProblem } from './password-rules';
import { useSessionStore, useUser } from './session-context';

type Field = 'current' | 'next' | 'confirm';

/** Change your own password; other sessions end, this one carries on with the new tokens. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const client = useApiClient();
  const store = useSessionStore();
  const user = useUser();
  const errorText = useErrorText();
  const [values, setValues] = useState<Record<Field, string>>({ current: '', next: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const validate = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    if (!values.current) found.current = t('auth.password.currentMissing');
    const problem = passwordProblem(values.next, user.username);
    if (problem) found.next = t(`auth.password.problem.${problem}`);
    else if (values.next === values.current) found.next = t('adminErrors.PASSWORD_UNCHANGED');
    if (!found.next && values.confirm !== values.next) found.confirm = t('auth.password.mismatch');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setFailure(null);
    setDone(false);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const pair = await client.post<TokenPairResponse>('/api/registry/auth/password', {
        currentPassword: values.current,
        newPassword: values.next,
      });
      store.adopt(pair);
      setValues({ current: '', next: '', confirm: '' });
      setDone(true);
    } catch (error) {
      if (isApiClientError(error) && error.code === 'CURRENT_PASSWORD_WRONG') {
        setErrors({ current: t('adminErrors.CURRENT_PASSWORD_WRONG') });
      } else if (isApiClientError(error) && error.code === 'WEAK_PASSWORD') {
        setErrors({ next: errorText(error) });
      } else {
        setFailure(errorText(error));
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, autoComplete: string) => (
    <TextField
      label={t(`auth.password.${name}`)}
      type="password"
      autoComplete={autoComplete}
      required
      value={values[name]}
      error={errors[name]}
      hint={name === 'next' ? t('auth.password.rules') : undefined}
      onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
    />
  );

  return (
    <div className="admin-narrow">
      <PageHeader title={t('auth.password.title')} />
      {user.mustChangePassword ? <Notice tone="warning" title={t('auth.password.mustChange')} /> : null}
      {done ? <Notice tone="ok" title={t('auth.password.changed')} /> : null}
      {failure ? <Notice tone="error" title={failure} /> : null}
      <form onSubmit={submit} noValidate>
        {field('current', 'current-password')}
        {field('next', 'new-password')}
        {field('confirm', 'new-password')}
        <Button type="submit" loading={busy}>
          {t('auth.password.submit')}
        </Button>
      </form>
    </div>
  );
}
