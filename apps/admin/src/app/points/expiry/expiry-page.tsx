import type { ExpiryPolicyAnswer, ExpiryPolicyView, ExpiryRunView, Paginated } from '@fupin/contracts';
import { formatPoints } from '@fupin/money';
import { DataTable, EmptyState, ErrorState, LoadingState, Notice, StatusBadge } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { DetailList } from '../../common/detail-list';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { expiryPolicyPath, expiryRunsPath, ownCounty } from '../points-api';
import { ExpiryPolicyForm } from './expiry-policy-form';
import { ExpiryRunPanel } from './expiry-run-panel';

/** Runs per page of the table, asked of the ledger a page at a time. */
const RUNS_PER_PAGE = 20;
const SCHEDULER_PREFIX = 'system:';

/** The China day of an instant, as YYYY-MM-DD (a run's cutoff is midnight in China). */
function chinaDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(date);
}

/**
 * 积分过期: the county's points expiry policy (months points stay valid, on/off, start date) with
 * a plain explanation, and its daily runs. The county administrator sets the policy and may run
 * expiry by hand; everyone else only reads (the ledger refuses them the rest).
 */
export function ExpiryPage() {
  const { t } = useTranslation();
  const user = useUser();
  const county = ownCounty(user);
  const mayWrite = can(user.role, 'points.expiry.write');
  const maySeeRuns = can(user.role, 'points.expiry.runs');
  const errorText = useErrorText();
  // No policy yet is an answer (200, body null), not a failure: points simply do not expire.
  // `undefined` means "still loading" here, so an empty body must not be taken for one.
  const policy = useApiQuery<ExpiryPolicyAnswer>(
    async (c, signal) => (await c.get<ExpiryPolicyAnswer>(expiryPolicyPath(county), { signal })) ?? null,
    [county],
  );
  const [runsPage, setRunsPage] = useState(1);
  const runs = useApiQuery(
    (c, signal) =>
      c.get<Paginated<ExpiryRunView>>(expiryRunsPath(county), {
        query: { page: runsPage, pageSize: RUNS_PER_PAGE },
        signal,
      }),
    [county, runsPage],
    maySeeRuns,
  );
  const [saved, setSaved] = useState<string | null>(null);
  const current = policy.data;

  return (
    <div className="points-wide">
      <PageHeader
        title={t('points.expiry.title')}
        description={
          <>
            {t('points.expiry.description')}{' '}
            <span className="admin-muted">{t('points.expiry.county', { code: county })}</span>
          </>
        }
      />

      <section className="points-section admin-narrow" aria-labelledby="expiry-explain">
        <h2 id="expiry-explain">{t('points.expiry.explainTitle')}</h2>
        <ul className="points-expiry__explain">
          {current?.enabled ? (
            <li>{t('points.expiry.explain.current', { months: current.months })}</li>
          ) : null}
          <li>{t('points.expiry.explain.oldestFirst')}</li>
          <li>{t('points.expiry.explain.startDate')}</li>
          <li>{t('points.expiry.explain.daily')}</li>
          <li>{t('points.expiry.explain.off')}</li>
        </ul>
      </section>

      <section className="points-section" aria-labelledby="expiry-policy">
        <h2 id="expiry-policy">{t('points.expiry.policyTitle')}</h2>
        {policy.error ? (
          <ErrorState message={errorText(policy.error)} onRetry={policy.reload} />
        ) : current === undefined ? (
          <LoadingState />
        ) : (
          <>
            {current ? (
              <PolicyDetails policy={current} />
            ) : (
              <Notice tone="neutral" title={t('points.expiry.notSet')} />
            )}
            {saved ? <Notice tone="ok" title={saved} /> : null}
            {mayWrite ? (
              <ExpiryPolicyForm
                key={current?.version ?? 0}
                county={county}
                policy={current}
                onSaved={(view) => {
                  setSaved(t('points.expiry.saved', { version: view.version }));
                  policy.reload();
                }}
                onEdit={() => setSaved(null)}
              />
            ) : (
              <p className="admin-muted">{t('points.expiry.readOnly')}</p>
            )}
          </>
        )}
      </section>

      <section className="points-section" aria-labelledby="expiry-runs">
        <h2 id="expiry-runs">{t('points.expiry.runsTitle')}</h2>
        {!maySeeRuns ? (
          <p className="admin-muted">{t('points.expiry.runsHidden')}</p>
        ) : (
          <>
            {mayWrite && current !== undefined ? (
              <ExpiryRunPanel
                county={county}
                policy={current}
                knownRuns={runs.data?.items ?? []}
                onRan={() => {
                  // A new run is the latest day or a missed one: start again from the first page.
                  setRunsPage(1);
                  runs.reload();
                }}
              />
            ) : null}
            {runs.error ? (
              <ErrorState message={errorText(runs.error)} onRetry={runs.reload} />
            ) : !runs.data ? (
              <LoadingState />
            ) : (
              <RunsTable runs={runs.data} onPageChange={setRunsPage} />
            )}
          </>
        )}
      </section>
    </div>
  );
}

function PolicyDetails({ policy }: { policy: ExpiryPolicyView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <DetailList
      items={[
        {
          label: t('points.expiry.state'),
          value: (
            <StatusBadge tone={policy.enabled ? 'ok' : 'neutral'}>
              {policy.enabled ? t('points.expiry.on') : t('points.expiry.off')}
            </StatusBadge>
          ),
        },
        { label: t('points.expiry.months'), value: t('points.expiry.monthsValue', { count: policy.months }) },
        { label: t('points.expiry.effectiveFrom'), value: policy.effectiveFrom },
        {
          label: t('points.expiry.version'),
          value: t('points.expiry.versionValue', { version: policy.version }),
        },
        { label: t('points.expiry.updatedAt'), value: formatDateTime(policy.updatedAt, language) },
      ]}
    />
  );
}

function RunsTable({
  runs,
  onPageChange,
}: {
  runs: Paginated<ExpiryRunView>;
  onPageChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useUser();
  const mayOpenUsers = can(user.role, 'users.read');
  const starter = (run: ExpiryRunView) => {
    if (run.triggeredBy.startsWith(SCHEDULER_PREFIX)) return t('points.expiry.scheduler');
    if (run.triggeredBy === user.id) return t('points.expiry.byYou');
    return mayOpenUsers ? (
      <Link to={`/users/${run.triggeredBy}`}>{t('points.expiry.byStaff')}</Link>
    ) : (
      t('points.expiry.byStaff')
    );
  };
  return (
    <DataTable
      stackOnPhone
      caption={t('points.expiry.runsCaption', { count: runs.total })}
      rows={runs.items}
      rowKey={(run) => run.id}
      empty={
        <EmptyState title={t('points.expiry.runsEmpty')} description={t('points.expiry.runsEmptyHint')} />
      }
      pagination={
        runs.total > runs.pageSize
          ? { page: runs.page, pageSize: runs.pageSize, total: runs.total, onPageChange }
          : undefined
      }
      columns={[
        {
          key: 'runDate',
          header: t('points.expiry.runDate'),
          rowHeader: true,
          render: (run) => run.runDate,
        },
        {
          key: 'households',
          header: t('points.expiry.households'),
          render: (run) => t('points.expiry.householdsValue', { count: run.householdCount }),
        },
        {
          key: 'points',
          header: t('points.expiry.points'),
          render: (run) =>
            run.entryId === null && run.totalPoints === 0
              ? t('points.expiry.nothingExpired')
              : t('points.expiry.pointsValue', { points: formatPoints(run.totalPoints) }),
        },
        { key: 'startedBy', header: t('points.expiry.startedBy'), render: starter },
        {
          key: 'cutoff',
          header: t('points.expiry.cutoff'),
          render: (run) =>
            `${t('points.expiry.cutoffValue', { date: chinaDate(run.cutoff) })} · ${t('points.expiry.monthsValue', { count: run.months })}`,
        },
        {
          key: 'createdAt',
          header: t('points.expiry.createdAt'),
          render: (run) => formatDateTime(run.createdAt, language),
        },
      ]}
    />
  );
}
