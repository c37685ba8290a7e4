import type { ConsumptionAidLedgerView } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import {
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  StatusBadge,
  type DataTableColumn,
} from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { MARKET, useNetwork, type NetworkOrganisation } from '../market-api';

/** The yearly welfare allowance per public employee (seed county: 700 yuan), the market's default. */
const ALLOWANCE_FEN = 70_000;

/**
 * 工作单位与补贴: the budget units whose staff buy produce, with what each has bought this year, and the
 * allowance rule. The market grants the allowance itself on a buyer's first purchase of the year;
 * it has no endpoint to list or adjust grants, so this page says so rather than inventing one.
 */
export function WorkUnitsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useUser();
  const network = useNetwork();
  const mayReadLedger = can(user.role, 'market.ledger.read');
  const year = new Date().getFullYear();
  const ledger = useApiQuery(
    (client, signal) =>
      client.get<ConsumptionAidLedgerView>(`${MARKET}/consumption-aid-ledger`, {
        query: { groupBy: 'work_unit', year },
        signal,
      }),
    [year],
    mayReadLedger,
  );
  const bought = (id: string) => ledger.data?.rows.find((row) => row.key === id)?.amountFen;
  const units = (network.data ?? []).filter((o) => o.type === 'work_unit');
  const columns: DataTableColumn<NetworkOrganisation>[] = [
    { key: 'name', header: t('market.workUnits.columns.name'), rowHeader: true, render: (row) => row.name },
    { key: 'region', header: t('market.workUnits.columns.region'), render: (row) => row.regionCode },
    {
      key: 'active',
      header: t('market.workUnits.columns.active'),
      render: (row) => (
        <StatusBadge tone={row.active ? 'ok' : 'neutral'}>
          {t(row.active ? 'market.workUnits.active' : 'market.workUnits.inactive')}
        </StatusBadge>
      ),
    },
    ...(mayReadLedger
      ? [
          {
            key: 'bought',
            header: t('market.workUnits.columns.bought', { year }),
            align: 'end' as const,
            render: (row: NetworkOrganisation) => {
              const amount = bought(row.id);
              return amount === undefined ? (ledger.loading ? '…' : formatFen(0)) : formatFen(amount);
            },
          },
        ]
      : []),
  ];
  return (
    <div>
      <PageHeader title={t('market.workUnits.title')} description={t('market.workUnits.description')} />
      <Notice
        tone="neutral"
        title={t('market.workUnits.allowanceTitle', { amount: formatFen(ALLOWANCE_FEN) })}
      >
        {t('market.workUnits.allowanceRule')}
      </Notice>
      {ledger.error ? <Notice tone="warning" title={errorText(ledger.error)} /> : null}
      {network.error ? (
        <ErrorState message={errorText(network.error)} onRetry={network.reload} />
      ) : !network.data ? (
        <LoadingState label={t('market.loading')} />
      ) : (
        <>
          <p className="admin-total" role="status">
            {t('market.workUnits.total', { count: units.length })}
          </p>
          <DataTable
            stackOnPhone
            caption={t('market.workUnits.title')}
            captionHidden
            columns={columns}
            rows={units}
            rowKey={(row) => row.id}
            empty={<EmptyState title={t('market.workUnits.empty')} />}
          />
        </>
      )}
    </div>
  );
}
