import type { HouseholdSummary, PurchaseView } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import { DataTable, EmptyState, ErrorState, LoadingState, Notice, type DataTableColumn } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { MARKET } from '../market-api';
import { gramsToKg } from '../market-units';
import '../market.css';
import { PurchaseEntryForm } from './purchase-entry-form';
import { WeighSlip } from './weigh-slip';
import { suggestWeighSlipNumber } from './weigh-slip-number';

const RECENT_SHOWN = 20;

/**
 * 收购: a collector records produce bought from villagers at the point, prints each weigh slip, and
 * sees the point's latest purchases; county staff and auditors see the list only.
 */
export function ProcurementPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const user = useUser();
  const [page, setPage] = useState(1);
  const [last, setLast] = useState<{ purchase: PurchaseView; household: HouseholdSummary } | null>(null);
  const recent = useApiQuery(
    (client, signal) => client.get<PurchaseView[]>(`${MARKET}/purchases`, { signal }),
    [],
  );
  const scope = user.scope;
  const atPoint =
    can(user.role, 'market.purchase') &&
    scope.kind === 'organisation' &&
    scope.orgType === 'collection_point';

  const columns: DataTableColumn<PurchaseView>[] = [
    {
      key: 'slip',
      header: t('market.procurement.columns.slip'),
      rowHeader: true,
      render: (row) => <span className="admin-mono">{row.weighSlipNumber}</span>,
    },
    {
      key: 'time',
      header: t('market.procurement.columns.time'),
      render: (row) => formatDateTime(row.createdAt, language),
    },
    {
      key: 'household',
      header: t('market.procurement.columns.household'),
      render: (row) => (
        <>
          {row.headName}
          <div className="admin-muted admin-mono">
            {t('market.procurement.householdNumber', { number: row.householdNumber })}
          </div>
        </>
      ),
    },
    {
      key: 'produce',
      header: t('market.procurement.columns.produce'),
      render: (row) => `${row.produce} · ${t(`market.grades.${row.grade}`)}`,
    },
    {
      key: 'weight',
      header: t('market.procurement.columns.weight'),
      align: 'end',
      render: (row) => `${gramsToKg(row.weightGrams)} kg`,
    },
    {
      key: 'amount',
      header: t('market.procurement.columns.amount'),
      align: 'end',
      render: (row) => formatFen(row.amountFen),
    },
    {
      key: 'lot',
      header: t('market.procurement.columns.lot'),
      render: (row) => (
        <Link to={`/market/lots/${row.lotId}`} className="admin-mono">
          {row.traceCode}
        </Link>
      ),
    },
  ];

  const rows = recent.data ?? [];
  return (
    <div className="market-procurement">
      <PageHeader
        title={t('market.procurement.title')}
        description={
          atPoint
            ? t('market.procurement.description', { point: user.scopeName })
            : t('market.procurement.readOnly')
        }
      />
      {atPoint && scope.kind === 'organisation' ? (
        <div className="market-procurement__work">
          <section className="admin-section market-no-print" aria-labelledby="market-entry-title">
            <h2 id="market-entry-title">{t('market.procurement.entry')}</h2>
            <PurchaseEntryForm
              collectionPointId={scope.id}
              villageCode={scope.regionCode}
              suggestSlip={(skip) => suggestWeighSlipNumber(scope.regionCode, rows, new Date(), skip)}
              onSaved={(purchase, household) => {
                setLast({ purchase, household });
                recent.reload();
              }}
            />
          </section>
          {last ? (
            <div className="admin-section">
              <Notice
                tone="ok"
                title={t('market.procurement.saved', {
                  name: last.household.headName,
                  amount: formatFen(last.purchase.amountFen),
                })}
              />
              <WeighSlip
                purchase={last.purchase}
                household={last.household}
                pointName={user.scopeName}
                collectorName={user.displayName}
              />
            </div>
          ) : null}
        </div>
      ) : null}
      <section className="admin-section market-no-print" aria-labelledby="market-recent-title">
        <h2 id="market-recent-title">{t('market.procurement.recent')}</h2>
        {recent.error ? (
          <ErrorState message={errorText(recent.error)} onRetry={recent.reload} />
        ) : !recent.data ? (
          <LoadingState label={t('market.loading')} />
        ) : (
          <DataTable
            stackOnPhone
            caption={t('market.procurement.recent')}
            captionHidden
            columns={columns}
            rows={rows.slice((page - 1) * RECENT_SHOWN, page * RECENT_SHOWN)}
            rowKey={(row) => row.id}
            empty={<EmptyState title={t('market.procurement.empty')} />}
            pagination={{ page, pageSize: RECENT_SHOWN, total: rows.length, onPageChange: setPage }}
          />
        )}
      </section>
    </div>
  );
}
