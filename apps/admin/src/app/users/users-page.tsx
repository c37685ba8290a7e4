import { ROLE_LABELS, STAFF_ROLES, regionCodeSchema, type Paginated, type UserView } from '@fupin/contracts';
import {
  Button,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  SelectField,
  TextField,
  type DataTableColumn,
} from '@fupin/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { can, scopeRegionCode } from '../auth/permissions';
import { useUser } from '../auth/session-context';
import { formatDateTime } from '../common/format';
import { useLabel, useLanguage } from '../common/language';
import { PageHeader } from '../common/page-header';
import { RegionPicker } from '../common/region-picker';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { UserStatus } from './user-status';

const PAGE_SIZE = 20;

/** 用户与角色: staff accounts in the reader's region, by role and state. */
export function UsersPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const errorText = useErrorText();
  const actor = useUser();
  const [search, setSearch] = useSearchParams();
  const role = search.get('role') ?? '';
  const active = search.get('active') ?? '';
  const q = search.get('q') ?? '';
  const root = scopeRegionCode(actor.scope);
  const region = regionCodeSchema.safeParse(search.get('region')).success ? search.get('region')! : '';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const query = {
    regionCode: region || undefined,
    role: role || undefined,
    active: active || undefined,
    q: q || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useApiQuery(
    (client, signal) => client.get<Paginated<UserView>>('/api/registry/users', { query, signal }),
    [JSON.stringify(query)],
  );
  const apply = (patch: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in patch)) next.delete('page');
    setSearch(next);
  };

  const columns: DataTableColumn<UserView>[] = [
    {
      key: 'username',
      header: t('users.columns.username'),
      rowHeader: true,
      render: (user) => (
        <Link to={`/users/${user.id}`} className="admin-mono">
          {user.username}
        </Link>
      ),
    },
    { key: 'name', header: t('users.columns.displayName'), render: (user) => user.displayName },
    { key: 'role', header: t('users.columns.role'), render: (user) => label(ROLE_LABELS[user.role]) },
    { key: 'scope', header: t('users.columns.scope'), render: (user) => user.scopeName },
    { key: 'status', header: t('users.columns.status'), render: (user) => <UserStatus user={user} /> },
    {
      key: 'lastLogin',
      header: t('users.columns.lastLogin'),
      render: (user) => formatDateTime(user.lastLoginAt, language),
    },
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ q: text.trim() });
  };
  return (
    <div className="admin-users">
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          can(actor.role, 'users.write') ? (
            <Link className="fp-button fp-button--primary fp-button--md" to="/users/new">
              {t('users.create')}
            </Link>
          ) : null
        }
      />
      <form className="admin-filters" role="search" aria-label={t('users.filters')} onSubmit={submit}>
        <RegionPicker
          legend={t('users.columns.scope')}
          rootCode={root}
          value={region}
          maxLevel="village"
          onChange={(code) => apply({ region: code === root ? '' : code })}
        />
        <div className="admin-filters__row">
          <SelectField
            label={t('users.columns.role')}
            placeholder={t('adm.all')}
            value={role}
            options={STAFF_ROLES.map((value) => ({ value, label: label(ROLE_LABELS[value]) }))}
            onChange={(event) => apply({ role: event.target.value })}
          />
          <SelectField
            label={t('users.columns.status')}
            placeholder={t('adm.all')}
            value={active}
            options={[
              { value: 'true', label: t('users.active') },
              { value: 'false', label: t('users.disabled') },
            ]}
            onChange={(event) => apply({ active: event.target.value })}
          />
        </div>
        <div className="admin-filters__row admin-filters__row--search">
          <TextField
            label={t('users.search')}
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <Button type="submit">{t('adm.search')}</Button>
        </div>
      </form>
      {list.error ? (
        <ErrorState message={errorText(list.error)} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState />
      ) : (
        <>
          <p className="admin-total" role="status">
            {t('users.total', { count: list.data.total })}
          </p>
          <DataTable
            stackOnPhone
            caption={t('users.title')}
            captionHidden
            columns={columns}
            rows={list.data.items}
            rowKey={(user) => user.id}
            empty={<EmptyState title={t('users.empty')} />}
            pagination={{
              page,
              pageSize: PAGE_SIZE,
              total: list.data.total,
              onPageChange: (next) => apply({ page: String(next) }),
            }}
          />
        </>
      )}
    </div>
  );
}
