import { LOT_STATUSES, type LotSummary, type LotView, type Paginated } from '@fupin/contracts';
import {
  Button,
  CheckboxField,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  SelectField,
  TextField,
  useApiClient,
  type DataTableColumn,
} from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { MARKET, useNetwork } from '../market-api';
import { gramsToKg } from '../market-units';
import { LotStatusBadge } from './lot-status';

const PAGE_SIZE = 20;

/** Organisation types where lots are kept. */
const PLACES = ['collection_point', 'sorting_station', 'county_supermarket'];

/**
 * The lots at the user's place (county staff and auditors: every place, or one they choose),
 * newest first, by status and produce; staff of the place may merge lots of one produce and grade.
 */
export function LotList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const status = search.get('status') ?? '';
  const produce = search.get('produce') ?? '';
  const location = search.get('location') ?? '';
  const page = Number(search.get('page') ?? 1) || 1;
  const [text, setText] = useState(produce);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [merged, setMerged] = useState<LotView | null>(null);
  const countyWide = user.scope.kind !== 'organisation';
  const network = useNetwork();
  const places = (network.data ?? []).filter((o) => PLACES.includes(o.type));
  const query = {
    status: status || undefined,
    produce: produce || undefined,
    location: (countyWide && location) || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useApiQuery(
    (client, signal) => client.get<Paginated<LotSummary>>(`${MARKET}/lots`, { query, signal }),
    [JSON.stringify(query)],
  );
  const change = (next: { status?: string; produce?: string; location?: string; page?: number }) => {
    const params = new URLSearchParams(search);
    for (const [key, value] of Object.entries({ status, produce, location, page: 1, ...next })) {
      if (value && !(key === 'page' && value === 1)) params.set(key, String(value));
      else params.delete(key);
    }
    setSearch(params);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change({ produce: text.trim() });
  };

  const mayMerge = can(user.role, 'market.lots.write') && !countyWide;
  const merge = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setMerged(await client.post<LotView>(`${MARKET}/lots/merge`, { lotIds: chosen }));
      setChosen([]);
      list.reload();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const columns: DataTableColumn<LotSummary>[] = [
    ...(mayMerge
      ? [
          {
            key: 'choose',
            header: t('market.lots.columns.choose'),
            render: (row: LotSummary) =>
              row.status === 'at_location' ? (
                <CheckboxField
                  className="market-lots__choose"
                  label={t('market.lots.pick', {
                    code: row.traceCode,
                    produce: row.produce,
                    grade: t(`market.grades.${row.grade}`),
                    kg: gramsToKg(row.weightGrams),
                  })}
                  checked={chosen.includes(row.id)}
                  onChange={(event) =>
                    setChosen((current) =>
                      event.target.checked ? [...current, row.id] : current.filter((id) => id !== row.id),
                    )
                  }
                />
              ) : null,
          },
        ]
      : []),
    {
      key: 'code',
      header: t('market.lots.columns.code'),
      rowHeader: true,
      render: (row) => (
        <Link to={`/market/lots/${row.id}`} className="admin-mono market-lots__open">
          {row.traceCode}
        </Link>
      ),
    },
    {
      key: 'produce',
      header: t('market.lots.columns.produce'),
      render: (row) => `${row.produce} · ${t(`market.grades.${row.grade}`)}`,
    },
    {
      key: 'weight',
      header: t('market.lots.columns.weight'),
      align: 'end',
      render: (row) => `${gramsToKg(row.weightGrams)} kg`,
    },
    {
      key: 'households',
      header: t('market.lots.columns.households'),
      align: 'end',
      render: (row) => t('market.lots.householdCount', { count: row.householdCount }),
    },
    {
      key: 'status',
      header: t('market.lots.columns.status'),
      render: (row) => <LotStatusBadge status={row.status} />,
    },
    ...(countyWide
      ? [
          {
            key: 'place',
            header: t('market.lots.columns.place'),
            render: (row: LotSummary) => row.locationName ?? '—',
          },
        ]
      : []),
    {
      key: 'created',
      header: t('market.lots.columns.created'),
      render: (row) => formatDateTime(row.createdAt, language),
    },
  ];

  const filtered = Boolean(status || produce || (countyWide && location));
  return (
    <div>
      <form className="admin-filters" role="search" aria-label={t('market.lots.filters')} onSubmit={submit}>
        <div className="admin-filters__row">
          <SelectField
            label={t('market.lots.statusFilter')}
            value={status}
            placeholder={t('adm.all')}
            options={LOT_STATUSES.map((value) => ({ value, label: t(`market.lots.status.${value}`) }))}
            onChange={(event) => change({ status: event.target.value })}
          />
          {countyWide ? (
            <SelectField
              label={t('market.lots.placeFilter')}
              value={location}
              placeholder={t('adm.all')}
              options={places.map((o) => ({ value: o.id, label: o.name }))}
              onChange={(event) => change({ location: event.target.value })}
            />
          ) : null}
        </div>
        <div className="admin-filters__row admin-filters__row--search">
          <TextField
            label={t('market.lots.produceFilter')}
            hint={t('market.lots.produceHint')}
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <Button type="submit">{t('market.lots.filter')}</Button>
        </div>
      </form>
      {merged ? (
        <Notice
          tone="ok"
          title={t('market.lots.merged', { code: merged.traceCode, kg: gramsToKg(merged.weightGrams) })}
        >
          <Link to={`/market/lots/${merged.id}`}>{t('market.lots.openMerged')}</Link>
        </Notice>
      ) : null}
      {failure ? <Notice tone="error" title={failure} /> : null}
      {list.error ? (
        <ErrorState message={errorText(list.error)} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState label={t('market.loading')} />
      ) : (
        <>
          <p className="admin-total" role="status">
            {list.loading ? t('market.loading') : t('market.lots.total', { count: list.data.total })}
          </p>
          <DataTable
            stackOnPhone
            caption={t('market.lots.tabs.lots')}
            captionHidden
            columns={columns}
            rows={list.data.items}
            rowKey={(row) => row.id}
            empty={<EmptyState title={filtered ? t('market.lots.emptyFiltered') : t('market.lots.empty')} />}
            pagination={{
              page,
              pageSize: PAGE_SIZE,
              total: list.data.total,
              onPageChange: (next) => change({ page: next }),
            }}
          />
          {mayMerge && list.data.items.some((l) => l.status === 'at_location') ? (
            <Button size="lg" disabled={chosen.length < 2} loading={busy} onClick={merge}>
              {t('market.lots.merge', { count: chosen.length })}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}
