import {
  ORGANISATION_TYPES,
  ORGANISATION_TYPE_LABELS,
  regionCodeSchema,
  type OrganisationView,
  type Paginated,
} from '@fupin/contracts';
import {
  Button,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  SelectField,
  StatusBadge,
  TextField,
  type DataTableColumn,
} from '@fupin/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { can, scopeRegionCode } from '../auth/permissions';
import { useUser } from '../auth/session-context';
import { useLabel } from '../common/language';
import { PageHeader } from '../common/page-header';
import { RegionPicker } from '../common/region-picker';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';

const PAGE_SIZE = 20;

/** 机构: work units, cooperatives, love supermarkets, collection points… in the reader's region. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const errorText = useErrorText();
  const user = useUser();
  const root = scopeRegionCode(user.scope);
  const [search, setSearch] = useSearchParams();
  const type = search.get('type') ?? '';
  const region = regionCodeSchema.safeParse(search.get('region')).success ? search.get('region')! : '';
  const active = search.get('active') ?? '';
  const q = search.get('q') ?? '';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const query = {
    type: type || undefined,
    regionCode: region || undefined,
    active: active || undefined,
    q: q || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useApiQuery(
    (client, signal) =>
      client.get<Paginated<OrganisationView>>('/api/registry/organisations', { query, signal }),
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
  const columns: DataTableColumn<OrganisationView>[] = [
    {
      key: 'name',
      header: t('orgs.columns.name'),
      rowHeader: true,
      render: (org) => <Link to={`/organisations/${org.id}`}>{org.name}</Link>,
    },
    {
      key: 'type',
      header: t('orgs.columns.type'),
      render: (org) => label(ORGANISATION_TYPE_LABELS[org.type]),
    },
    { key: 'region', header: t('orgs.columns.region'), render: (org) => org.regionName },
    {
      key: 'contact',
      header: t('orgs.columns.contact'),
      render: (org) => [org.contactName, org.contactPhone].filter(Boolean).join(' ') || '—',
    },
    {
      key: 'active',
      header: t('orgs.columns.active'),
      render: (org) => (
        <StatusBadge tone={org.active ? 'ok' : 'neutral'}>
          {t(org.active ? 'orgs.active' : 'orgs.inactive')}
        </StatusBadge>
      ),
    },
  ];
  return (
    <div className="admin-orgs">
      <PageHeader
        title={t('orgs.title')}
        description={t('orgs.description')}
        actions={
          can(user.role, 'organisations.write') ? (
            <Link className="fp-button fp-button--primary fp-button--md" to="/organisations/new">
              {t('orgs.create')}
            </Link>
          ) : null
        }
      />
      <form
        className="admin-filters"
        role="search"
        aria-label={t('orgs.filters')}
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          apply({ q: text.trim() });
        }}
      >
        <RegionPicker
          legend={t('orgs.columns.region')}
          rootCode={root}
          value={region}
          maxLevel="village"
          onChange={(code) => apply({ region: code === root ? '' : code })}
        />
        <div className="admin-filters__row">
          <SelectField
            label={t('orgs.columns.type')}
            placeholder={t('adm.all')}
            value={type}
            options={ORGANISATION_TYPES.map((value) => ({
              value,
              label: label(ORGANISATION_TYPE_LABELS[value]),
            }))}
            onChange={(event) => apply({ type: event.target.value })}
          />
          <SelectField
            label={t('orgs.columns.active')}
            placeholder={t('adm.all')}
            value={active}
            options={[
              { value: 'true', label: t('orgs.active') },
              { value: 'false', label: t('orgs.inactive') },
            ]}
            onChange={(event) => apply({ active: event.target.value })}
          />
        </div>
        <div className="admin-filters__row admin-filters__row--search">
          <TextField
            label={t('orgs.search')}
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
            {t('orgs.total', { count: list.data.total })}
          </p>
          <DataTable
            stackOnPhone
            caption={t('orgs.title')}
            captionHidden
            columns={columns}
            rows={list.data.items}
            rowKey={(org) => org.id}
            empty={<EmptyState title={t('orgs.empty')} />}
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
