import type { WorkUnitAllowancesView } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import {
  Button,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  SelectField,
  StatusBadge,
  TextField,
  useApiClient,
  type DataTableColumn,
} from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { DetailList } from '../../common/detail-list';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { MARKET } from '../market-api';
import { fenToYuanInput, parseYuanAmountToFen } from '../market-units';

const PAGE_SIZE = 20;
/** The market's ceiling for an allowance per employee (100,000 yuan). */
const MAX_AMOUNT_FEN = 10_000_000;
/** The first year the market accepts. */
const FIRST_YEAR = 2020;

type Wallet = WorkUnitAllowancesView['wallets']['items'][number];

/**
 * 工作单位补贴: one work unit's yearly allowance: the amount per employee (its own or the county
 * default), what was granted, spent and written off, and each employee's wallet. The county office
 * sets or raises the amount for this year or a coming one; auditors only read.
 */
export function WorkUnitAllowancesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const client = useApiClient();
  const user = useUser();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const chosen = Number(search.get('year'));
  const year = Number.isInteger(chosen) && chosen >= FIRST_YEAR && chosen <= thisYear + 1 ? chosen : thisYear;
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i).filter((y) => y >= FIRST_YEAR);
  const [page, setPage] = useState(1);
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const view = useApiQuery(
    (client, signal) =>
      client.get<WorkUnitAllowancesView>(`${MARKET}/work-units/${id}/allowances`, {
        query: { year, page, pageSize: PAGE_SIZE },
        signal,
      }),
    [id, year, page],
  );
  const mayWrite = can(user.role, 'market.allowances.write');
  const back = <Link to="/market/work-units">{t('market.allowances.back')}</Link>;
  const data = view.data?.year === year ? view.data : undefined;
  const name = data?.workUnitName ?? view.data?.workUnitName;
  const title = name ? t('market.allowances.title', { name }) : t('market.allowances.titleFallback');

  const chooseYear = (value: string) => {
    const params = new URLSearchParams(search);
    if (value === String(thisYear)) params.delete('year');
    else params.set('year', value);
    setSearch(params);
    setPage(1);
    setAmount('');
    setPending(null);
    setProblem(null);
    setFailure(null);
    setSaved(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    const fen = parseYuanAmountToFen(amount, MAX_AMOUNT_FEN);
    if (fen === null) return setProblem(t('market.allowances.amountWrong'));
    setPending(fen);
  };

  const save = async () => {
    if (pending === null) return;
    setSaving(true);
    setFailure(null);
    try {
      await client.put<WorkUnitAllowancesView>(`${MARKET}/work-units/${id}/allowance-policy`, {
        year,
        amountFen: pending,
      });
      setSaved(t('market.allowances.saved', { year, amount: formatFen(pending) }));
      setPending(null);
      setAmount('');
      view.reload();
    } catch (error) {
      setFailure(errorText(error));
      setPending(null);
    } finally {
      setSaving(false);
    }
  };

  const money = (pick: (row: Wallet) => number) => (row: Wallet) => formatFen(pick(row));
  const columns: DataTableColumn<Wallet>[] = [
    {
      key: 'buyer',
      header: t('market.allowances.columns.buyer'),
      rowHeader: true,
      render: (row) => <span className="admin-mono">{row.buyerId}</span>,
    },
    {
      key: 'granted',
      header: t('market.allowances.columns.granted'),
      align: 'end',
      render: money((r) => r.grantedFen),
    },
    {
      key: 'spent',
      header: t('market.allowances.columns.spent'),
      align: 'end',
      render: money((r) => r.spentFen),
    },
    {
      key: 'balance',
      header: t('market.allowances.columns.balance'),
      align: 'end',
      render: money((r) => r.balanceFen),
    },
    {
      key: 'expired',
      header: t('market.allowances.columns.expired'),
      align: 'end',
      render: money((r) => r.expiredFen),
    },
    {
      key: 'expiresAt',
      header: t('market.allowances.columns.expiresAt'),
      render: (row) => formatDateTime(row.expiresAt, language),
    },
  ];

  const form = (current: WorkUnitAllowancesView) =>
    year < thisYear ? (
      <p className="admin-muted">{t('market.allowances.pastYear')}</p>
    ) : pending === null ? (
      <form
        className="admin-inline-form"
        aria-label={t('market.allowances.formTitle')}
        onSubmit={submit}
        noValidate
      >
        <h3>{t('market.allowances.formTitle')}</h3>
        <TextField
          label={t('market.allowances.amountLabel', { year })}
          hint={t('market.allowances.amountHint')}
          inputMode="decimal"
          placeholder={fenToYuanInput(current.amountFen)}
          required
          value={amount}
          error={problem ?? undefined}
          onChange={(event) => {
            setAmount(event.target.value);
            setProblem(null);
          }}
        />
        <div className="admin-form-buttons">
          <Button type="submit" variant="primary">
            {t('market.allowances.save')}
          </Button>
        </div>
      </form>
    ) : (
      <div className="admin-confirm" role="group" aria-label={t('market.allowances.formTitle')}>
        <p className="admin-confirm__question">
          {t('market.allowances.question', {
            name: current.workUnitName ?? id,
            year,
            from: formatFen(current.amountFen),
            to: formatFen(pending),
          })}
          {pending > current.amountFen && current.totals.wallets > 0
            ? ` ${t('market.allowances.raiseNote', {
                count: current.totals.wallets,
                diff: formatFen(pending - current.amountFen),
              })}`
            : null}
        </p>
        <div className="admin-confirm__buttons">
          <Button variant="primary" loading={saving} onClick={() => void save()}>
            {t('market.allowances.confirm')}
          </Button>
          <Button variant="ghost" disabled={saving} onClick={() => setPending(null)}>
            {t('adm.cancel')}
          </Button>
        </div>
      </div>
    );

  return (
    <div>
      <PageHeader title={title} description={t('market.allowances.description')} back={back} />
      <div className="admin-filters">
        <div className="admin-filters__row">
          <SelectField
            label={t('market.allowances.year')}
            value={String(year)}
            options={years.map((value) => ({
              value: String(value),
              label: t('market.allowances.yearLabel', { year: value }),
            }))}
            onChange={(event) => chooseYear(event.target.value)}
          />
        </div>
      </div>
      {saved ? <Notice tone="ok" title={saved} /> : null}
      {failure ? <Notice tone="error" title={failure} /> : null}
      {view.error ? (
        <ErrorState message={errorText(view.error)} onRetry={view.reload} />
      ) : !data ? (
        <LoadingState label={t('market.loading')} />
      ) : (
        <>
          <section className="admin-section" aria-label={t('market.allowances.amount')}>
            <DetailList
              items={[
                {
                  label: t('market.allowances.amount'),
                  value: (
                    <>
                      <strong>{formatFen(data.amountFen)}</strong>{' '}
                      <StatusBadge tone={data.policySet ? 'ok' : 'neutral'}>
                        {t(
                          data.policySet ? 'market.allowances.policySet' : 'market.allowances.policyDefault',
                        )}
                      </StatusBadge>
                    </>
                  ),
                },
                {
                  label: t('market.allowances.wallets'),
                  value: t('market.allowances.walletsValue', { count: data.totals.wallets }),
                },
                { label: t('market.allowances.granted'), value: formatFen(data.totals.grantedFen) },
                { label: t('market.allowances.spent'), value: formatFen(data.totals.spentFen) },
                { label: t('market.allowances.balance'), value: formatFen(data.totals.balanceFen) },
                { label: t('market.allowances.expired'), value: formatFen(data.totals.expiredFen) },
              ]}
            />
            {mayWrite ? form(data) : null}
          </section>
          <DataTable
            stackOnPhone
            caption={t('market.allowances.table')}
            columns={columns}
            rows={data.wallets.items}
            rowKey={(row) => row.buyerId}
            empty={<EmptyState title={t('market.allowances.empty')} />}
            pagination={{ page, pageSize: PAGE_SIZE, total: data.wallets.total, onPageChange: setPage }}
          />
        </>
      )}
    </div>
  );
}
