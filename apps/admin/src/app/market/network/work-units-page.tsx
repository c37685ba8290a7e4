import type { AllowanceExpiryResult, ConsumptionAidLedgerView } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import {
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  StatusBadge,
  useApiClient,
  type DataTableColumn,
} from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { ConfirmButton } from '../../common/confirm-button';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { MARKET, useNetwork, type NetworkOrganisation } from '../market-api';

/** The yearly welfare allowance per public employee (seed county: 700 yuan), the market's default (`MARKET_ALLOWANCE_FEN`). */
const ALLOWANCE_FEN = 70_000;

/**
 * 工作单位与补贴: the budget units whose staff buy produce, with what each has bought this year, and the
 * allowance rule. The market grants the allowance itself on a buyer's first purchase of the year;
 * the county office (and auditors, reading) open a unit for its allowance per employee and wallets,
 * and the county office can run the year-end write-off (年末清零) now.
 */
export function WorkUnitsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useUser();
  const network = useNetwork();
  const client = useApiClient();
  const mayReadLedger = can(user.role, 'market.ledger.read');
  const mayReadAllowances = can(user.role, 'market.allowances.read');
  const [expiring, setExpiring] = useState(false);
  const [expiry, setExpiry] = useState<AllowanceExpiryResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const expire = async () => {
    setExpiring(true);
    setFailure(null);
    setExpiry(null);
    try {
      setExpiry(await client.post<AllowanceExpiryResult>(`${MARKET}/allowances/expire`));
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setExpiring(false);
    }
  };
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
    {
      key: 'name',
      header: t('market.workUnits.columns.name'),
      rowHeader: true,
      render: (row) =>
        mayReadAllowances ? <Link to={`/market/work-units/${row.id}`}>{row.name}</Link> : row.name,
    },
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
      <PageHeader
        title={t('market.workUnits.title')}
        description={t('market.workUnits.description')}
        actions={
          can(user.role, 'market.allowances.write') ? (
            <ConfirmButton
              variant="danger"
              busy={expiring}
              question={t('market.workUnits.expireQuestion')}
              confirmLabel={t('market.workUnits.expireConfirm')}
              onConfirm={expire}
            >
              {t('market.workUnits.expire')}
            </ConfirmButton>
          ) : null
        }
      />
      {expiry ? (
        <Notice
          tone="ok"
          title={
            expiry.expiredWallets > 0
              ? t('market.workUnits.expired', {
                  count: expiry.expiredWallets,
                  amount: formatFen(expiry.expiredFen),
                })
              : t('market.workUnits.expiredNone')
          }
        />
      ) : null}
      {failure ? <Notice tone="error" title={failure} /> : null}
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
