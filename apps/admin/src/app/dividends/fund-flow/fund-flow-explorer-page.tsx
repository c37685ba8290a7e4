import { isApiClientError } from '@fupin/api-client';
import type {
  FundFlowNode,
  FundHouseholdGroup,
  FundSourceTrace,
  HouseholdOrigins,
  HouseholdSummary,
  Paginated,
  PublicFundSource,
} from '@fupin/contracts';
import { formatFen, toFen } from '@fupin/money';
import { Button, EmptyState, ErrorState, LoadingState, SelectField, TextField } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import type { FlowChartSource } from './fund-flow-layout';
import { FundFlowChart } from './fund-flow-chart';
import { fundFlowsCsv, saveText } from './fund-flow-csv';
import { FundFlowHouseholdGroups } from './fund-flow-households';
import { FundFlowTable } from './fund-flow-table';
import { useDescribeFlow, useKindLabel } from './fund-flow-words';

export const FUND_FLOW_API = {
  sources: '/api/dividends/funds/sources',
  trace: (id: string) => `/api/dividends/funds/sources/${id}/flows`,
  publicTrace: (id: string) => `/api/dividends/public/funds/sources/${id}/flows`,
  origins: (id: string) => `/api/dividends/funds/households/${id}/origins`,
  households: '/api/registry/households',
} as const;

interface Picture {
  sources: FlowChartSource[];
  flows: FundFlowNode[];
  /** A household's paths: accounts show the whole allocation, not what they passed on. */
  origins: boolean;
  name: string;
  /** A source's households per account, where the trace lists only the largest. */
  householdGroups?: FundHouseholdGroup[];
  /** Read through the public trace (a town or village reader of a county source): names masked. */
  audience?: 'staff' | 'public';
}

/** A household's payment paths (household → … → source) as one tree read from the sources down. */
export function originsPicture(origins: HouseholdOrigins): Omit<Picture, 'name'> {
  const flows = new Map<string, FundFlowNode>();
  const sources = new Map<string, FlowChartSource>();
  for (const payment of origins.payments) {
    const down = [...payment.path].reverse();
    down.forEach((flow, depth) => flows.set(flow.id, { ...flow, depth }));
    const root = down[0];
    if (root)
      sources.set(payment.sourceId, {
        id: payment.sourceId,
        name: payment.sourceName,
        amountFen: root.amountFen,
      });
  }
  const ordered = [...flows.values()].sort(
    (a, b) => a.depth - b.depth || a.createdAt.localeCompare(b.createdAt),
  );
  return { sources: [...sources.values()], flows: ordered, origins: true };
}

/**
 * 资金流向查询 (signed-in staff): pick a fund to see where it went, or a household to see where its
 * money came from, as a chart and a table, exported to CSV. The choice lives in the address
 * (`?fund=` / `?household=`), so a view can be shared or reloaded.
 */
export function FundFlowExplorerPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const describe = useDescribeFlow();
  const kindLabel = useKindLabel();
  const [search, setSearch] = useSearchParams();
  const fundId = search.get('fund');
  const householdId = search.get('household');
  const [mode, setMode] = useState<'fund' | 'household'>(householdId ? 'household' : 'fund');
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState('');

  const sources = useApiQuery(
    (client, signal) =>
      client.get<Paginated<PublicFundSource>>(FUND_FLOW_API.sources, { query: { pageSize: 200 }, signal }),
    [],
  );
  const households = useApiQuery(
    (client, signal) =>
      client.get<Paginated<HouseholdSummary>>(FUND_FLOW_API.households, {
        query: { q: asked, pageSize: 10 },
        signal,
      }),
    [asked],
    mode === 'household' && asked.length > 0,
  );
  const picture = useApiQuery<Picture | null>(
    async (client, signal) => {
      if (fundId) {
        let audience: 'staff' | 'public' = 'staff';
        const trace = await client
          .get<FundSourceTrace>(FUND_FLOW_API.trace(fundId), { signal })
          .catch((error: unknown) => {
            // Town and village staff may not read a county source in full: show what the public sees.
            if (isApiClientError(error) && error.status === 403) {
              audience = 'public';
              return client.get<FundSourceTrace>(FUND_FLOW_API.publicTrace(fundId), { signal });
            }
            throw error;
          });
        return {
          sources: [trace.source],
          flows: trace.flows,
          origins: false,
          name: trace.source.name,
          householdGroups: trace.householdGroups,
          audience,
        };
      }
      if (householdId) {
        const origins = await client.get<HouseholdOrigins>(FUND_FLOW_API.origins(householdId), { signal });
        return { ...originsPicture(origins), name: search.get('name') ?? householdId };
      }
      return null;
    },
    [fundId, householdId],
  );

  const find = (event: FormEvent) => {
    event.preventDefault();
    setAsked(q.trim());
  };
  const exportCsv = (p: Picture) => {
    const csv = fundFlowsCsv(p.flows, {
      headers: ['depth', 'to', 'type', 'amount', 'allocatedOn', 'purpose', 'date', 'id', 'parentId'].map(
        (k) => t(`fundFlow.csv.${k}`),
      ),
      describe,
      type: (flow) => t(`fundFlow.type.${flow.toType}`),
    });
    saveText(csv, `fund-flows-${fundId ?? householdId}.csv`);
  };
  const total = (p: Picture) =>
    p.flows.filter((f) => f.toType === 'household').reduce((sum, f) => sum + BigInt(f.amountFen), 0n);

  return (
    <div className="fund-flow-explorer">
      <PageHeader title={t('fundFlow.explorer.title')} description={t('fundFlow.explorer.description')} />
      <div className="admin-filters">
        <div className="admin-filters__row">
          <SelectField
            label={t('fundFlow.explorer.mode')}
            value={mode}
            options={[
              { value: 'fund', label: t('fundFlow.explorer.byFund') },
              { value: 'household', label: t('fundFlow.explorer.byHousehold') },
            ]}
            onChange={(event) => setMode(event.target.value as 'fund' | 'household')}
          />
          {mode === 'fund' ? (
            sources.error ? (
              <ErrorState message={errorText(sources.error)} onRetry={sources.reload} />
            ) : (
              <SelectField
                label={t('fundFlow.explorer.fund')}
                hint={t('fundFlow.explorer.fundHint')}
                value={fundId ?? ''}
                placeholder={
                  sources.data && !sources.data.items.length
                    ? t('fundFlow.explorer.noFunds')
                    : t('adm.choose')
                }
                disabled={!sources.data}
                options={(sources.data?.items ?? []).map((s) => ({
                  value: s.id,
                  label: `${s.name}（${kindLabel(s.kind)}，${formatFen(toFen(s.amountFen))}）`,
                }))}
                onChange={(event) => setSearch(event.target.value ? { fund: event.target.value } : {})}
              />
            )
          ) : (
            <form onSubmit={find} className="fund-flow-explorer__find">
              <TextField
                type="search"
                label={t('fundFlow.explorer.householdSearch')}
                hint={t('fundFlow.explorer.householdSearchHint')}
                value={q}
                onChange={(event) => setQ(event.target.value)}
              />
              <Button type="submit">{t('fundFlow.explorer.search')}</Button>
            </form>
          )}
        </div>
        {mode === 'household' && asked ? (
          households.error ? (
            <ErrorState message={errorText(households.error)} onRetry={households.reload} />
          ) : !households.data || households.loading ? (
            <LoadingState label={t('divPublic.loading')} />
          ) : households.data.items.length ? (
            <ul className="fund-flow-explorer__households">
              {households.data.items.map((h) => (
                <li key={h.id}>
                  <span>
                    {h.headName} · {h.householdNumber} · {h.villageName}
                  </span>
                  <Button
                    variant="secondary"
                    aria-label={`${t('fundFlow.explorer.pick')} ${h.headName}`}
                    onClick={() =>
                      setSearch({ household: h.id, name: `${h.headName}（${h.householdNumber}）` })
                    }
                  >
                    {t('fundFlow.explorer.pick')}
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title={t('fundFlow.explorer.noHouseholds')} />
          )
        ) : null}
      </div>
      {picture.error ? (
        <ErrorState message={errorText(picture.error)} onRetry={picture.reload} />
      ) : picture.loading || picture.data === undefined ? (
        <LoadingState label={t('divPublic.loading')} />
      ) : picture.data === null ? (
        <EmptyState title={t('fundFlow.explorer.chooseFirst')} />
      ) : (
        <section aria-label={picture.data.name}>
          <div className="fund-flow-explorer__bar">
            <h2>{picture.data.name}</h2>
            <Button
              variant="secondary"
              onClick={() => exportCsv(picture.data!)}
              disabled={!picture.data.flows.length}
            >
              {t('fundFlow.explorer.export')}
            </Button>
          </div>
          {picture.data.origins ? (
            <p role="status">
              {picture.data.sources.length
                ? t('fundFlow.explorer.payments', {
                    count: picture.data.flows.filter((f) => f.toType === 'household').length,
                    total: formatFen(toFen(String(total(picture.data)))),
                  })
                : t('fundFlow.explorer.noPayments')}
            </p>
          ) : null}
          {picture.data.flows.length ? (
            <FundFlowChart
              sources={picture.data.sources}
              flows={picture.data.flows}
              householdGroups={picture.data.householdGroups}
              title={t('fundFlow.tree')}
            />
          ) : null}
          <FundFlowTable
            flows={picture.data.flows}
            caption={picture.data.origins ? t('fundFlow.explorer.originsCaption') : t('fundFlow.caption')}
            showAllocatedOn={!picture.data.origins}
          />
          <FundFlowHouseholdGroups
            flows={picture.data.flows}
            groups={picture.data.householdGroups ?? []}
            audience={picture.data.audience ?? 'staff'}
          />
        </section>
      )}
    </div>
  );
}
