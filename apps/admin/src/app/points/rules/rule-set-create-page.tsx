import { createRuleSetBodySchema, type RuleSetView } from '@fupin/contracts';
import { Button, ErrorState, LoadingState, Notice, NumberField, TextField } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useApiClient } from '@fupin/ui';
import { localiseServerText, useLanguage } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { ChooseVillageHint, useVillage, VillageChooser } from '../common/village-chooser';
import { LEDGER } from '../points-api';
import { versionInForce } from './rule-sets-page';

interface ItemDraft {
  key: number;
  code: string;
  name: string;
  points: number | null;
  maxPerMonth: number | null;
  yearlyCap: number | null;
}

let nextKey = 1;
const blankItem = (): ItemDraft => ({
  key: nextKey++,
  code: '',
  name: '',
  points: null,
  maxPerMonth: 1,
  yearlyCap: null,
});

function firstOfNextMonth(): string {
  const now = new Date();
  const next = new Date(now.getFullYear(), now.getMonth() + 1, 1);
  return `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-01`;
}

/** Publish a new version of a village's standard, starting from the one in force. */
export function RuleSetCreatePage() {
  const { t } = useTranslation();
  const [village] = useVillage();
  const versions = useApiQuery(
    (client, signal) => client.get<RuleSetView[]>(`${LEDGER}/villages/${village}/rule-sets`, { signal }),
    [village],
    village !== '',
  );
  const back = (
    <Link to={`/points/rules${village ? `?village=${village}` : ''}`}>← {t('points.rules.backToList')}</Link>
  );
  const errorText = useErrorText();
  return (
    <div className="admin-narrow points-wide">
      <PageHeader
        title={t('points.rules.createTitle')}
        description={t('points.rules.createHint')}
        back={back}
      />
      <VillageChooser />
      {!village ? (
        <ChooseVillageHint />
      ) : versions.error ? (
        <ErrorState message={errorText(versions.error)} onRetry={versions.reload} />
      ) : !versions.data ? (
        <LoadingState />
      ) : (
        <RuleSetForm key={village} village={village} base={versionInForce(versions.data, '9999-12-31')} />
      )}
    </div>
  );
}

function RuleSetForm({ village, base }: { village: string; base: RuleSetView | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [effectiveFrom, setEffectiveFrom] = useState(firstOfNextMonth);
  const [monthlyBase, setMonthlyBase] = useState<number | null>(base?.monthlyBase ?? 0);
  const [items, setItems] = useState<ItemDraft[]>(() =>
    base ? base.items.map((item) => ({ key: nextKey++, ...item })) : [blankItem()],
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (key: number, patch: Partial<ItemDraft>) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const body = {
      villageCode: village,
      effectiveFrom,
      monthlyBase: monthlyBase ?? undefined,
      items: items.map((item) => ({
        code: item.code.trim(),
        name: item.name.trim(),
        points: item.points ?? Number.NaN,
        maxPerMonth: item.maxPerMonth ?? Number.NaN,
        yearlyCap: item.yearlyCap,
      })),
    };
    const parsed = createRuleSetBodySchema.safeParse(body);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.');
        const message = issue.message.includes(' / ')
          ? localiseServerText(issue.message, language)
          : t('points.rules.invalid');
        found[path] ??= message;
      }
      setProblems(found);
      setFailure(t('points.common.fixFields'));
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      const created = await client.post<RuleSetView>(`${LEDGER}/rule-sets`, parsed.data);
      navigate(`/points/rules/${created.id}`, { state: { created: true } });
    } catch (error) {
      setFailure(errorText(error));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-label={t('points.rules.createTitle')} noValidate>
      {base ? <p className="admin-muted">{t('points.rules.startsFrom', { version: base.version })}</p> : null}
      <div className="admin-form-grid">
        <TextField
          label={t('points.rules.effectiveFrom')}
          type="date"
          required
          value={effectiveFrom}
          error={problems['effectiveFrom']}
          hint={t('points.rules.effectiveHint')}
          onChange={(event) => setEffectiveFrom(event.target.value)}
        />
        <NumberField
          label={t('points.rules.monthlyBase')}
          hint={t('points.rules.monthlyBaseHint')}
          unit={t('points.common.pointsUnit')}
          value={monthlyBase}
          error={problems['monthlyBase']}
          onValueChange={setMonthlyBase}
        />
      </div>
      <fieldset className="points-items">
        <legend>{t('points.rules.itemsLegend')}</legend>
        <p className="admin-muted">{t('points.rules.itemsHint')}</p>
        {problems['items'] ? <p className="fp-field__error">{problems['items']}</p> : null}
        <ol className="points-items__list">
          {items.map((item, index) => (
            <li
              key={item.key}
              className="points-items__row"
              aria-label={t('points.rules.itemNo', { n: index + 1 })}
            >
              <TextField
                label={t('points.rules.item.code')}
                value={item.code}
                error={problems[`items.${index}.code`]}
                onChange={(event) => change(item.key, { code: event.target.value })}
              />
              <TextField
                label={t('points.rules.item.name')}
                value={item.name}
                error={problems[`items.${index}.name`]}
                onChange={(event) => change(item.key, { name: event.target.value })}
              />
              <NumberField
                label={t('points.rules.item.points')}
                hint={t('points.rules.item.pointsHint')}
                value={item.points}
                error={problems[`items.${index}.points`]}
                onValueChange={(points) => change(item.key, { points })}
              />
              <NumberField
                label={t('points.rules.item.maxPerMonth')}
                value={item.maxPerMonth}
                error={problems[`items.${index}.maxPerMonth`]}
                onValueChange={(maxPerMonth) => change(item.key, { maxPerMonth })}
              />
              <NumberField
                label={t('points.rules.item.yearlyCap')}
                hint={t('points.rules.item.yearlyCapHint')}
                value={item.yearlyCap}
                error={problems[`items.${index}.yearlyCap`]}
                onValueChange={(yearlyCap) => change(item.key, { yearlyCap })}
              />
              <Button
                variant="ghost"
                type="button"
                disabled={items.length === 1}
                onClick={() => setItems((current) => current.filter((other) => other.key !== item.key))}
              >
                {t('points.rules.removeItem', { n: index + 1 })}
              </Button>
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          type="button"
          onClick={() => setItems((current) => [...current, blankItem()])}
        >
          {t('points.rules.addItem')}
        </Button>
      </fieldset>
      {failure ? (
        <div>
          <Notice tone="error" title={failure} />
        </div>
      ) : null}
      <div className="admin-form-buttons">
        <Button type="submit" size="lg" loading={busy}>
          {t('points.rules.publish')}
        </Button>
      </div>
    </form>
  );
}
