import { createDistributionBodySchema, INCOME_SOURCE_LABELS } from '@fupin/contracts';
import {
  Button,
  CheckboxField,
  ErrorState,
  LoadingState,
  Notice,
  SelectField,
  TextField,
  useApiClient,
} from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { fieldProblem } from '../../common/field-check';
import { useLabel, useLanguage } from '../../common/language';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import {
  DIVIDENDS,
  sumFen,
  yuan,
  type Distribution,
  type DividendEntity,
  type IncomeDeclaration,
  type Plan,
} from '../dividends-api';
import { EntityFrame } from '../entities/entity-frame';

/** 试算: a plan version applied to declared income; nothing is paid until notice, approval and posting. */
export function DistributionNewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <EntityFrame
      entityId={id}
      title={t('dividends.distributions.new')}
      description={t('dividends.distributions.newHint')}
    >
      {(entity) => <DryRunForm entity={entity} />}
    </EntityFrame>
  );
}

function DryRunForm({ entity }: { entity: DividendEntity }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const data = useApiQuery(
    async (c, signal) => {
      const [plans, income] = await Promise.all([
        c.get<Plan[]>(`${DIVIDENDS}/entities/${entity.id}/plans`, { signal }),
        c.get<IncomeDeclaration[]>(`${DIVIDENDS}/entities/${entity.id}/income-declarations`, { signal }),
      ]);
      return { plans, income: income.filter((d) => !d.distributionId) };
    },
    [entity.id],
  );
  const [planId, setPlanId] = useState(search.get('plan') ?? '');
  const [chosen, setChosen] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (data.error) return <ErrorState message={errorText(data.error)} onRetry={data.reload} />;
  if (!data.data) return <LoadingState label={t('dividends.loading')} />;
  const { plans, income } = data.data;
  const picked = income.filter((d) => chosen.includes(d.id));
  const periodStart = picked.map((d) => d.periodStart).sort()[0] ?? '';
  const periodEnd =
    picked
      .map((d) => d.periodEnd)
      .sort()
      .pop() ?? '';
  const body = {
    title: title.trim() || `${entity.name} ${periodStart.slice(0, 4)}`,
    planId,
    periodStart,
    periodEnd,
    incomeDeclarationIds: chosen,
  };
  const problem = tried
    ? !planId
      ? t('dividends.distributions.choosePlan')
      : chosen.length === 0
        ? t('dividends.distributions.chooseIncome')
        : fieldProblem(createDistributionBodySchema, body, language)
    : undefined;
  const run = async () => {
    setTried(true);
    setFailure(null);
    if (!planId || chosen.length === 0 || !createDistributionBodySchema.safeParse(body).success) return;
    setBusy(true);
    try {
      const created = await client.post<Distribution>(
        `${DIVIDENDS}/entities/${entity.id}/distributions`,
        body,
        {
          timeoutMs: 120_000,
        },
      );
      navigate(`/dividends/distributions/${created.id}`);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  if (plans.length === 0)
    return (
      <Notice
        tone="warning"
        title={t('dividends.distributions.noPlan')}
        action={<Link to={`/dividends/entities/${entity.id}/plans`}>{t('dividends.tabs.plans')}</Link>}
      />
    );
  return (
    <div className="admin-section">
      <SelectField
        label={t('dividends.distributions.plan')}
        required
        value={planId}
        placeholder={t('dividends.choose')}
        options={plans.map((p) => ({ value: p.id, label: `${p.name}（v${p.currentVersion}）` }))}
        onChange={(e) => setPlanId(e.target.value)}
      />
      <fieldset className="dividends-checks">
        <legend>{t('dividends.distributions.income')}</legend>
        {income.length === 0 ? (
          <p className="admin-muted">
            {t('dividends.distributions.noIncome')}{' '}
            <Link to={`/dividends/entities/${entity.id}/income`}>{t('dividends.income.declare')}</Link>
          </p>
        ) : (
          income.map((d) => (
            <CheckboxField
              key={d.id}
              label={`${d.periodStart} – ${d.periodEnd} · ${label(INCOME_SOURCE_LABELS[d.source], d.source)} · ${yuan(d.amountFen)}`}
              hint={`${d.evidence.description}（${d.evidence.reference}）`}
              checked={chosen.includes(d.id)}
              onChange={(e) =>
                setChosen((c) => (e.target.checked ? [...c, d.id] : c.filter((x) => x !== d.id)))
              }
            />
          ))
        )}
      </fieldset>
      {picked.length ? (
        <p role="status">
          {t('dividends.distributions.poolWillBe', {
            amount: yuan(String(sumFen(picked.map((d) => d.amountFen)))),
            start: periodStart,
            end: periodEnd,
          })}
        </p>
      ) : null}
      <TextField
        label={t('dividends.distribution.titleField')}
        hint={t('dividends.distributions.titleHint')}
        value={title}
        placeholder={body.title}
        maxLength={120}
        onChange={(e) => setTitle(e.target.value)}
      />
      {problem ? <Notice tone="error" title={problem} /> : null}
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div className="admin-form-buttons">
        <Button loading={busy} onClick={run}>
          {t('dividends.distributions.dryRun')}
        </Button>
      </div>
    </div>
  );
}
