import type { LotView } from '@fupin/contracts';
import { DataTable, ErrorState, LoadingState, type DataTableColumn } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { MARKET, useNetwork } from '../market-api';
import '../market.css';
import { gramsToKg } from '../market-units';
import { LotSendForm } from './lot-send-form';
import { LotSplitForm } from './lot-split-form';
import { LotStatusBadge } from './lot-status';

type Source = LotView['households'][number];

/** One lot: where it is, the households and lots it came from, and (at its place) split and send. */
export function LotDetailPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const user = useUser();
  const { id = '' } = useParams();
  const lot = useApiQuery((client, signal) => client.get<LotView>(`${MARKET}/lots/${id}`, { signal }), [id]);
  const network = useNetwork();
  const back = <Link to="/market/lots">{t('market.lots.back')}</Link>;
  if (lot.error)
    return (
      <div>
        <PageHeader title={t('market.lots.detail')} back={back} />
        <ErrorState message={errorText(lot.error)} onRetry={lot.reload} />
      </div>
    );
  if (!lot.data) return <LoadingState label={t('market.loading')} />;
  const view = lot.data;
  const place = network.data?.find((o) => o.id === view.locationId);
  const ownOrg = user.scope.kind === 'organisation' ? user.scope.id : null;
  const workable =
    can(user.role, 'market.lots.write') &&
    view.status === 'at_location' &&
    ownOrg !== null &&
    view.locationId === ownOrg;
  const columns: DataTableColumn<Source>[] = [
    {
      key: 'household',
      header: t('market.lots.household'),
      rowHeader: true,
      render: (row) =>
        can(user.role, 'households.read') ? (
          <Link to={`/households/${row.householdId}`} className="admin-mono">
            {row.householdId.slice(0, 8)}
          </Link>
        ) : (
          <span className="admin-mono">{row.householdId.slice(0, 8)}</span>
        ),
    },
    { key: 'village', header: t('market.lots.village'), render: (row) => row.villageCode },
    {
      key: 'weight',
      header: t('market.lots.weight'),
      align: 'end',
      render: (row) => `${gramsToKg(row.weightGrams)} kg`,
    },
  ];
  return (
    <div>
      <PageHeader
        title={t('market.lots.titleOf', { code: view.traceCode })}
        back={back}
        description={`${view.produce} · ${t(`market.grades.${view.grade}`)} · ${gramsToKg(view.weightGrams)} kg`}
      />
      <dl className="admin-details">
        <dt>{t('market.lots.statusLabel')}</dt>
        <dd>
          <LotStatusBadge status={view.status} />
        </dd>
        <dt>{t('market.lots.place')}</dt>
        <dd>{place?.name ?? (view.locationId ? view.locationId : t('market.lots.onTheWay'))}</dd>
        <dt>{t('market.lots.created')}</dt>
        <dd>{formatDateTime(view.createdAt, language)}</dd>
        <dt>{t('market.lots.number')}</dt>
        <dd className="admin-mono">{view.id}</dd>
        {view.sourceLotIds.length > 0 ? (
          <>
            <dt>{t('market.lots.sources')}</dt>
            <dd>
              {view.sourceLotIds.map((source) => (
                <div key={source}>
                  <Link to={`/market/lots/${source}`} className="admin-mono">
                    {source}
                  </Link>
                </div>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <section className="admin-section">
        <h2>{t('market.lots.households', { count: view.households.length })}</h2>
        <DataTable
          stackOnPhone
          caption={t('market.lots.households', { count: view.households.length })}
          captionHidden
          columns={columns}
          rows={view.households}
          rowKey={(row) => row.householdId}
        />
      </section>
      {workable && place ? (
        <section className="admin-section">
          <h2>{t('market.lots.work')}</h2>
          <LotSendForm lot={view} here={place} network={network.data ?? []} onDone={lot.reload} />
          <LotSplitForm lot={view} onDone={lot.reload} />
        </section>
      ) : null}
    </div>
  );
}
