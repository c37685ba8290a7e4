import type { FundFlowNode, FundHouseholdGroup, Paginated } from '@fupin/contracts';
import { formatFen, toFen } from '@fupin/money';
import { Button, DataTable, EmptyState, ErrorState, LoadingState, useApiClient } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { saveFile } from '../dividends-api';
import { useDescribeFlow } from './fund-flow-words';

export const HOUSEHOLD_FLOWS_API = {
  staff: (parentId: string) => `/api/dividends/funds/flows/${parentId}/households`,
  public: (parentId: string) => `/api/dividends/public/funds/flows/${parentId}/households`,
  csv: (parentId: string) => `/api/dividends/funds/flows/${parentId}/households.csv`,
} as const;

const PAGE_SIZE = 50;

export interface FundFlowHouseholdGroupsProps {
  /** The trace's flows (to name each account). */
  flows: readonly FundFlowNode[];
  groups: readonly FundHouseholdGroup[];
  /** Staff see names and may download every household; the public sees names masked. */
  audience: 'staff' | 'public';
}

/**
 * Under the flow table: for each account that paid more households than the trace lists, how
 * many and how much in all, and the way to all of them — pages of 50 on screen, and for staff a
 * CSV of every household (streamed by the server; a dividend can pay millions).
 */
export function FundFlowHouseholdGroups({ flows, groups, audience }: FundFlowHouseholdGroupsProps) {
  const { t } = useTranslation();
  const describe = useDescribeFlow();
  const client = useApiClient();
  const errorText = useErrorText();
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const partial = groups.filter((g) => g.households > g.shown);
  if (!partial.length) return null;
  const byId = new Map(flows.map((f) => [f.id, f]));
  const download = async (group: FundHouseholdGroup) => {
    setBusy(group.parentId);
    setFailure(null);
    try {
      // Millions of rows take a while: give the download minutes, not the usual 15 s.
      const file = await client.download(HOUSEHOLD_FLOWS_API.csv(group.parentId), { timeoutMs: 10 * 60_000 });
      saveFile(file.blob, file.filename ?? `fund-flow-${group.parentId}-households.csv`);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="fund-flow-households" aria-label={t('fundFlow.groups.title')}>
      {failure ? <ErrorState message={failure} /> : null}
      {partial.map((group) => {
        const parent = byId.get(group.parentId);
        const account = parent ? describe(parent) : t('fundFlow.household');
        const isOpen = open === group.parentId;
        return (
          <div key={group.parentId} className="fund-flow-households__group">
            <p>
              {t('fundFlow.groups.summary', {
                account,
                count: group.households,
                total: formatFen(toFen(group.amountFen)),
                shown: group.shown,
              })}
            </p>
            <div className="fund-flow-households__actions">
              <Button
                variant="secondary"
                aria-expanded={isOpen}
                onClick={() => setOpen(isOpen ? null : group.parentId)}
              >
                {isOpen
                  ? t('fundFlow.groups.hide')
                  : t('fundFlow.groups.showAll', { count: group.households })}
              </Button>
              {audience === 'staff' ? (
                <Button
                  variant="secondary"
                  disabled={busy === group.parentId}
                  onClick={() => void download(group)}
                >
                  {busy === group.parentId
                    ? t('fundFlow.groups.downloading')
                    : t('fundFlow.groups.download', { count: group.households })}
                </Button>
              ) : null}
            </div>
            {isOpen ? <HouseholdFlowPages group={group} account={account} audience={audience} /> : null}
          </div>
        );
      })}
    </section>
  );
}

/** Every household one account paid, the largest first, a page at a time from the server. */
function HouseholdFlowPages({
  group,
  account,
  audience,
}: {
  group: FundHouseholdGroup;
  account: string;
  audience: 'staff' | 'public';
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const pages = useApiQuery(
    (client, signal) =>
      client.get<Paginated<FundFlowNode>>(HOUSEHOLD_FLOWS_API[audience](group.parentId), {
        query: { page, pageSize: PAGE_SIZE },
        signal,
      }),
    [group.parentId, audience, page],
  );
  if (pages.error) return <ErrorState message={errorText(pages.error)} onRetry={pages.reload} />;
  if (!pages.data) return <LoadingState label={t('divPublic.loading')} />;
  return (
    <DataTable
      stackOnPhone
      caption={t('fundFlow.groups.caption', { account, count: pages.data.total })}
      columns={[
        {
          key: 'household',
          header: t('fundFlow.groups.household'),
          rowHeader: true,
          render: (flow: FundFlowNode) => flow.householdName ?? t('fundFlow.household'),
        },
        {
          key: 'amount',
          header: t('fundFlow.columns.amount'),
          align: 'end',
          render: (flow: FundFlowNode) => formatFen(toFen(flow.amountFen)),
        },
        {
          key: 'purpose',
          header: t('fundFlow.columns.purpose'),
          render: (flow: FundFlowNode) => flow.purpose,
        },
        {
          key: 'date',
          header: t('fundFlow.columns.date'),
          render: (flow: FundFlowNode) => formatDateTime(flow.createdAt, language),
        },
      ]}
      rows={pages.data.items}
      rowKey={(flow) => flow.id}
      empty={<EmptyState title={t('fundFlow.empty')} />}
      pagination={
        pages.data.total > PAGE_SIZE
          ? { page, pageSize: PAGE_SIZE, total: pages.data.total, onPageChange: setPage }
          : undefined
      }
    />
  );
}
