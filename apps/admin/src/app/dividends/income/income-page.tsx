import {
  declareIncomeBodySchema,
  INCOME_SOURCES,
  INCOME_SOURCE_LABELS,
  type IncomeSource,
} from '@fupin/contracts';
import { parseYuanToFen } from '@fupin/money';
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
import { Link, useParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { fieldProblem } from '../../common/field-check';
import { useLabel, useLanguage } from '../../common/language';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { DIVIDENDS, today, yuan, type DividendEntity, type IncomeDeclaration } from '../dividends-api';
import { EntityFrame } from '../entities/entity-frame';

/** The income source an entity of this type usually declares. */
export function defaultSource(entity: DividendEntity): IncomeSource {
  switch (entity.type) {
    case 'pv_station':
      return 'pv_grid_settlement';
    case 'village_collective':
      return 'collective_company_profit';
    case 'enterprise':
      return 'loan_enterprise_dividend';
    default:
      return 'cooperative_profit';
  }
}

/** 收益申报: distributable income by period and source, with its evidence. */
export function IncomePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <EntityFrame
      entityId={id}
      title={t('dividends.income.title')}
      description={t('dividends.income.description')}
    >
      {(entity) => <Income entity={entity} />}
    </EntityFrame>
  );
}

function Income({ entity }: { entity: DividendEntity }) {
  const { t } = useTranslation();
  const label = useLabel();
  const errorText = useErrorText();
  const user = useUser();
  const list = useApiQuery(
    (client, signal) =>
      client.get<IncomeDeclaration[]>(`${DIVIDENDS}/entities/${entity.id}/income-declarations`, { signal }),
    [entity.id],
  );
  const columns: DataTableColumn<IncomeDeclaration>[] = [
    {
      key: 'period',
      header: t('dividends.income.period'),
      rowHeader: true,
      render: (d) => `${d.periodStart} – ${d.periodEnd}`,
    },
    {
      key: 'source',
      header: t('dividends.income.source'),
      render: (d) => label(INCOME_SOURCE_LABELS[d.source], d.source),
    },
    { key: 'amount', header: t('dividends.income.amount'), align: 'end', render: (d) => yuan(d.amountFen) },
    {
      key: 'evidence',
      header: t('dividends.income.evidence'),
      render: (d) => `${d.evidence.description}（${d.evidence.reference}）`,
    },
    {
      key: 'state',
      header: t('dividends.income.state'),
      render: (d) =>
        d.distributionId ? (
          <Link to={`/dividends/distributions/${d.distributionId}`}>{t('dividends.income.used')}</Link>
        ) : (
          <StatusBadge tone="pending">{t('dividends.income.free')}</StatusBadge>
        ),
    },
  ];
  return (
    <>
      {list.error ? (
        <ErrorState message={errorText(list.error)} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState label={t('dividends.loading')} />
      ) : (
        <DataTable
          stackOnPhone
          caption={t('dividends.income.caption', { count: list.data.length })}
          columns={columns}
          rows={list.data}
          rowKey={(d) => d.id}
          empty={<EmptyState title={t('dividends.income.empty')} />}
        />
      )}
      {can(user.role, 'dividends.write') ? <DeclareForm entity={entity} onDeclared={list.reload} /> : null}
    </>
  );
}

function DeclareForm({ entity, onDeclared }: { entity: DividendEntity; onDeclared: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const label = useLabel();
  const client = useApiClient();
  const errorText = useErrorText();
  const [source, setSource] = useState<IncomeSource>(defaultSource(entity));
  const [periodStart, setPeriodStart] = useState(`${today().slice(0, 4)}-01-01`);
  const [periodEnd, setPeriodEnd] = useState(today());
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [reference, setReference] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  let amountFen: number | null = null;
  try {
    amountFen = amount.trim() ? parseYuanToFen(amount) : null;
  } catch {
    amountFen = null;
  }
  const body = {
    periodStart,
    periodEnd,
    source,
    amountFen: amountFen ?? -1,
    evidence: { description, reference },
  };
  const amountProblem =
    tried && (amountFen === null || amountFen <= 0) ? t('dividends.income.badAmount') : undefined;
  const problem = tried && !amountProblem ? fieldProblem(declareIncomeBodySchema, body, language) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setResult(null);
    if (amountFen === null || amountFen <= 0 || !declareIncomeBodySchema.safeParse(body).success) return;
    setBusy(true);
    try {
      await client.post(`${DIVIDENDS}/entities/${entity.id}/income-declarations`, body);
      setResult({ tone: 'ok', text: t('dividends.income.declared', { amount: yuan(amountFen) }) });
      setAmount('');
      setDescription('');
      setReference('');
      setTried(false);
      onDeclared();
    } catch (error) {
      setResult({ tone: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="admin-section" onSubmit={submit} aria-labelledby="declare-income" noValidate>
      <h2 id="declare-income">{t('dividends.income.declare')}</h2>
      <div className="admin-form-grid">
        <SelectField
          label={t('dividends.income.source')}
          value={source}
          options={INCOME_SOURCES.map((s) => ({ value: s, label: label(INCOME_SOURCE_LABELS[s], s) }))}
          onChange={(e) => setSource(e.target.value as IncomeSource)}
        />
        <TextField
          label={t('dividends.income.amountYuan')}
          hint={t('dividends.income.amountHint')}
          inputMode="decimal"
          required
          value={amount}
          error={amountProblem}
          onChange={(e) => setAmount(e.target.value)}
        />
        <TextField
          label={t('dividends.income.periodStart')}
          type="date"
          required
          value={periodStart}
          onChange={(e) => setPeriodStart(e.target.value)}
        />
        <TextField
          label={t('dividends.income.periodEnd')}
          type="date"
          required
          value={periodEnd}
          onChange={(e) => setPeriodEnd(e.target.value)}
        />
        <TextField
          label={t('dividends.income.evidenceDescription')}
          hint={t('dividends.income.evidenceDescriptionHint')}
          required
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <TextField
          label={t('dividends.income.evidenceReference')}
          hint={t('dividends.income.evidenceReferenceHint')}
          required
          value={reference}
          onChange={(e) => setReference(e.target.value)}
        />
      </div>
      {amountFen !== null && amountFen > 0 ? (
        <p className="admin-muted">{t('dividends.income.willDeclare', { amount: yuan(amountFen) })}</p>
      ) : null}
      {problem ? <Notice tone="error" title={problem} /> : null}
      {result ? <Notice tone={result.tone} title={result.text} /> : null}
      <div className="admin-form-buttons">
        <Button type="submit" loading={busy}>
          {t('dividends.income.submit')}
        </Button>
      </div>
    </form>
  );
}
