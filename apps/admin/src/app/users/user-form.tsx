import { isApiClientError } from '@fupin/api-client';
import {
  ROLE_LABELS,
  ROLE_SCOPE_RULES,
  phoneSchema,
  regionLevelOf,
  usernameSchema,
  type StaffRole,
  type UserScopeInput,
  type UserView,
} from '@fupin/contracts';
import { Button, Notice, SelectField, TextField, useApiClient } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { passwordProblem } from '../auth/password-rules';
import { manageableRoles, scopeRegionCode } from '../auth/permissions';
import { useUser } from '../auth/session-context';
import { fieldProblem } from '../common/field-check';
import { useLabel, useLanguage } from '../common/language';
import { useErrorText } from '../common/use-error-text';
import { ScopePicker } from './scope-picker';

type Field = 'username' | 'displayName' | 'password' | 'role' | 'scope' | 'phone';

function scopeOf(user: UserView): UserScopeInput | null {
  if (user.scope.kind === 'region') return { kind: 'region', code: user.scope.code };
  if (user.scope.kind === 'organisation') return { kind: 'organisation', id: user.scope.id };
  return null;
}

function sameScope(a: UserScopeInput | null, b: UserScopeInput | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Create a staff user, or change one: role and scope obey ROLE_SCOPE_RULES and what the actor may give. */
export function UserForm({ existing }: { existing?: UserView }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const actor = useUser();
  const roles = manageableRoles(actor.role);
  const [values, setValues] = useState({
    username: existing?.username ?? '',
    displayName: existing?.displayName ?? '',
    password: '',
    phone: existing?.phone ?? '',
  });
  const [role, setRole] = useState<StaffRole | ''>(existing?.role ?? '');
  const [scope, setScope] = useState<UserScopeInput | null>(existing ? scopeOf(existing) : null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rootCode = scopeRegionCode(actor.scope);
  // Choosing nothing below the actor's own region means that region itself.
  const chosenScope: UserScopeInput | null =
    scope ?? (role && ROLE_SCOPE_RULES[role].kind === 'region' ? { kind: 'region', code: rootCode } : null);

  const validate = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    if (!existing) {
      found.username = fieldProblem(usernameSchema, values.username, language);
      const problem = passwordProblem(values.password, values.username.trim().toLowerCase());
      if (problem) found.password = t(`auth.password.problem.${problem}`);
    }
    if (!values.displayName.trim()) found.displayName = t('users.form.displayNameMissing');
    if (values.phone.trim()) found.phone = fieldProblem(phoneSchema, values.phone, language);
    if (!role) found.role = t('users.form.roleMissing');
    else {
      const rule = ROLE_SCOPE_RULES[role];
      const level = chosenScope?.kind === 'region' ? regionLevelOf(chosenScope.code) : undefined;
      if (!chosenScope || chosenScope.kind !== rule.kind) found.scope = t('users.form.scopeMissing');
      else if (rule.kind === 'region' && (!level || !rule.levels.includes(level)))
        found.scope = t('users.form.scopeLevel');
    }
    return Object.fromEntries(Object.entries(found).filter(([, v]) => v));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const phone = values.phone.trim() || null;
      let saved: UserView;
      if (existing) {
        const body: Record<string, unknown> = {};
        if (values.displayName.trim() !== existing.displayName) body.displayName = values.displayName.trim();
        if (phone !== existing.phone) body.phone = phone;
        if (role !== existing.role) body.role = role;
        if (role !== existing.role || !sameScope(chosenScope, scopeOf(existing))) body.scope = chosenScope;
        if (Object.keys(body).length === 0) {
          setFailure(t('users.form.nothing'));
          return;
        }
        saved = await client.patch<UserView>(`/api/registry/users/${existing.id}`, body);
      } else {
        saved = await client.post<UserView>('/api/registry/users', {
          username: values.username.trim().toLowerCase(),
          displayName: values.displayName.trim(),
          password: values.password,
          role,
          scope: chosenScope,
          phone,
        });
      }
      navigate(`/users/${saved.id}`, { state: { saved: existing ? 'updated' : 'created' } });
    } catch (error) {
      if (isApiClientError(error) && error.code === 'USERNAME_TAKEN')
        setErrors({ username: errorText(error) });
      if (isApiClientError(error) && error.code === 'WEAK_PASSWORD')
        setErrors({ password: errorText(error) });
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const text = (
    field: 'username' | 'displayName' | 'password' | 'phone',
    extra: { hint?: string; type?: string; required?: boolean } = {},
  ) => (
    <TextField
      label={t(`users.form.${field}`)}
      hint={extra.hint}
      type={extra.type}
      required={extra.required}
      autoComplete={field === 'password' ? 'new-password' : 'off'}
      value={values[field]}
      error={errors[field]}
      onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
    />
  );
  return (
    <form onSubmit={submit} noValidate className="admin-narrow">
      {failure ? <Notice tone="error" title={failure} /> : null}
      {existing ? null : text('username', { required: true, hint: t('users.form.usernameHint') })}
      {text('displayName', { required: true, hint: t('users.form.displayNameHint') })}
      {existing
        ? null
        : text('password', { required: true, type: 'password', hint: t('users.form.passwordHint') })}
      {text('phone')}
      <SelectField
        label={t('users.form.role')}
        required
        placeholder={t('adm.choose')}
        value={role}
        error={errors.role}
        options={roles.map((value) => ({ value, label: label(ROLE_LABELS[value]) }))}
        onChange={(event) => {
          const next = event.target.value as StaffRole | '';
          setRole(next);
          if (next && existing && next === existing.role) setScope(scopeOf(existing));
          else if (!next || !role || ROLE_SCOPE_RULES[next].kind !== ROLE_SCOPE_RULES[role].kind)
            setScope(null);
        }}
      />
      {role ? (
        <ScopePicker
          role={role}
          rootCode={rootCode}
          value={scope}
          onChange={setScope}
          error={errors.scope}
          currentName={existing?.scopeName}
        />
      ) : null}
      <div className="admin-form-buttons">
        <Button type="submit" size="lg" loading={busy}>
          {existing ? t('adm.save') : t('users.create')}
        </Button>
        <Link
          className="fp-button fp-button--ghost fp-button--md"
          to={existing ? `/users/${existing.id}` : '/users'}
        >
          {t('adm.cancel')}
        </Link>
      </div>
    </form>
  );
}
