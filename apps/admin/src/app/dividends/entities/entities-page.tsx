import { ORGANISATION_TYPE_LABELS, type OrganisationType } from '@fupin/contracts';
import {
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  SelectField,
  StatusBadge,
  type DataTableColumn,
} from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { useLabel } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { DIVIDENDS, type DividendEntity } from '../dividends-api';
import '../dividends.css';

const PAGE_SIZE = 20;
export const ENTITY_TYPES: readonly OrganisationType[] = [
  'cooperative',
  'village_collective',
  'enterprise',
  'pv_station',
];

/** 分红主体: cooperatives, collective companies, loan enterprises and PV stations in the reader's scope. */
export function EntitiesPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const errorText = useErrorText();
  const user = useUser();
  const [type, setType] = useState('');
  const [page, setPage] = useState(1);
  const list = useApiQuery(
    (client, signal) => client.get<DividendEntity[]>(`${DIVIDENDS}/entities`, { signal }),
    [],
  );
  const rows = (list.data ?? []).filter((e) => !type || e.type === type);
  const columns: DataTableColumn<DividendEntity>[] = [
    {
      key: 'name',
      header: t('dividends.entities.name'),
      rowHeader: true,
      render: (e) => <Link to={`/dividends/entities/${e.id}`}>{e.name}</Link>,
    },
    {
      key: 'type',
      header: t('dividends.entities.type'),
      render: (e) => label(ORGANISATION_TYPE_LABELS[e.type], e.type),
    },
    {
      key: 'region',
      header: t('dividends.entities.region'),
      render: (e) => <span className="admin-mono">{e.regionCode}</span>,
    },
    {
      key: 'active',
      header: t('dividends.entities.state'),
      render: (e) => (
        <StatusBadge tone={e.active ? 'ok' : 'neutral'}>
          {t(e.active ? 'dividends.entities.active' : 'dividends.entities.inactive')}
        </StatusBadge>
      ),
    },
  ];
  return (
    <div className="dividends-page">
      <PageHeader
        title={t('dividends.entities.title')}
        description={t('dividends.entities.description')}
        actions={
          can(user.role, 'organisations.write') ? (
            <Link className="fp-button fp-button--primary fp-button--md" to="/organisations/new">
              {t('dividends.entities.create')}
            </Link>
          ) : null
        }
      />
      {can(user.role, 'organisations.write') ? (
        <p className="admin-muted">{t('dividends.entities.createHint')}</p>
      ) : null}
      <div className="admin-filters">
        <SelectField
          label={t('dividends.entities.type')}
          value={type}
          placeholder={t('dividends.entities.anyType')}
          options={ENTITY_TYPES.map((v) => ({ value: v, label: label(ORGANISATION_TYPE_LABELS[v], v) }))}
          onChange={(event) => {
            setType(event.target.value);
            setPage(1);
          }}
        />
      </div>
      {list.error ? (
        <ErrorState message={errorText(list.error)} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState label={t('dividends.loading')} />
      ) : (
        <DataTable
          stackOnPhone
          caption={t('dividends.entities.caption', { count: rows.length })}
          columns={columns}
          rows={rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
          rowKey={(e) => e.id}
          empty={<EmptyState title={t('dividends.entities.empty')} />}
          pagination={{ page, pageSize: PAGE_SIZE, total: rows.length, onPageChange: setPage }}
        />
      )}
    </div>
  );
}
