import { isApiClientError } from '@fupin/api-client';
import {
  PRODUCE_GRADES,
  type CreatePurchaseBody,
  type HouseholdSummary,
  type PurchaseView,
} from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import { Button, FieldShell, Notice, SelectField, TextField, useApiClient } from '@fupin/ui';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../common/use-error-text';
import { MARKET } from '../market-api';
import { parseKgToGrams, parsePriceToFen, purchaseAmountFen } from '../market-units';
import { HouseholdPicker } from './household-picker';

export interface PurchaseEntryFormProps {
  collectionPointId: string;
  villageCode: string;
  /** A fresh weigh-slip number to offer; `skip` steps past numbers found taken. */
  suggestSlip: (skip: number) => string;
  onSaved: (purchase: PurchaseView, household: HouseholdSummary) => void;
}

type Problems = Partial<Record<'household' | 'produce' | 'weight' | 'price' | 'slip', string>>;

const COMMON_PRODUCE = ['小米', '红薯', '花生', '黄牛肉', '土鸡蛋', '香菇', '艾草', '冬桃'];

/**
 * 收购录入: one villager after another. Enter moves from field to field and saves on the last;
 * after a save the household and weight are cleared for the next person while produce, grade and
 * price stay (a line usually sells the same thing at the day's price).
 */
export function PurchaseEntryForm({
  collectionPointId,
  villageCode,
  suggestSlip,
  onSaved,
}: PurchaseEntryFormProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [household, setHousehold] = useState<HouseholdSummary | null>(null);
  const [produce, setProduce] = useState('');
  const [grade, setGrade] = useState<CreatePurchaseBody['grade']>('first');
  const [weight, setWeight] = useState('');
  const [price, setPrice] = useState('');
  const [skip, setSkip] = useState(0);
  const suggested = suggestSlip(skip);
  const [slip, setSlip] = useState(suggested);
  const [slipEdited, setSlipEdited] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<{ code: string; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!slipEdited) setSlip(suggested);
  }, [suggested, slipEdited]);

  const grams = parseKgToGrams(weight);
  const priceFen = parsePriceToFen(price);
  const amount = grams !== null && priceFen !== null ? purchaseAmountFen(grams, priceFen) : null;

  const focus = (index: number) => {
    const field = form.current?.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-step="${index}"]`);
    field?.focus();
    if (field instanceof HTMLInputElement) field.select();
  };
  const nextOnEnter = (index: number) => (event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    focus(index + 1);
  };

  const check = (): Problems => {
    const found: Problems = {};
    if (!household) found.household = t('market.procurement.errors.household');
    if (!produce.trim()) found.produce = t('market.procurement.errors.produce');
    if (grams === null) found.weight = t('market.procurement.errors.weight');
    if (priceFen === null) found.price = t('market.procurement.errors.price');
    if (!slip.trim()) found.slip = t('market.procurement.errors.slip');
    return found;
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const found = check();
    setProblems(found);
    setFailure(null);
    if (Object.keys(found).length > 0 || !household || grams === null || priceFen === null) return;
    setSaving(true);
    try {
      const body: CreatePurchaseBody = {
        collectionPointId,
        householdId: household.id,
        produce: produce.trim(),
        grade,
        weightGrams: grams,
        unitPriceFenPerKg: priceFen,
        weighSlipNumber: slip.trim(),
      };
      const saved = await client.post<PurchaseView>(`${MARKET}/purchases`, body);
      onSaved(saved, household);
      setHousehold(null);
      setWeight('');
      setSlipEdited(false);
      setSkip(0);
      focus(0);
    } catch (error) {
      const code = isApiClientError(error) ? error.code : '';
      setFailure({ code, text: errorText(error) });
      if (code === 'PROCUREMENT_WEIGH_SLIP_USED') setProblems({ slip: errorText(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      ref={form}
      className="market-entry"
      aria-label={t('market.procurement.entry')}
      onSubmit={submit}
      noValidate
    >
      {failure ? (
        <Notice
          tone="error"
          title={failure.text}
          action={
            failure.code === 'PROCUREMENT_WEIGH_SLIP_USED' ? (
              <Button
                variant="secondary"
                onClick={() => {
                  setSlipEdited(false);
                  setSkip((current) => current + 1);
                  setFailure(null);
                  setProblems({});
                }}
              >
                {t('market.procurement.nextSlip')}
              </Button>
            ) : null
          }
        />
      ) : null}
      <HouseholdPicker
        villageCode={villageCode}
        value={household}
        onChange={setHousehold}
        onPicked={() => focus(1)}
        error={problems.household}
      />
      <div className="admin-form-grid">
        <TextField
          data-step="1"
          label={t('market.procurement.produce')}
          list="market-produce-names"
          required
          value={produce}
          error={problems.produce}
          onChange={(event) => setProduce(event.target.value)}
          onKeyDown={nextOnEnter(1)}
        />
        <datalist id="market-produce-names">
          {COMMON_PRODUCE.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <SelectField
          data-step="2"
          label={t('market.procurement.grade')}
          required
          value={grade}
          options={PRODUCE_GRADES.map((value) => ({ value, label: t(`market.grades.${value}`) }))}
          onChange={(event) => setGrade(event.target.value as CreatePurchaseBody['grade'])}
          onKeyDown={nextOnEnter(2)}
        />
        <TextField
          data-step="3"
          label={t('market.procurement.weight')}
          hint={t('market.procurement.weightHint')}
          inputMode="decimal"
          autoComplete="off"
          required
          value={weight}
          error={problems.weight}
          onChange={(event) => setWeight(event.target.value)}
          onKeyDown={nextOnEnter(3)}
        />
        <TextField
          data-step="4"
          label={t('market.procurement.price')}
          hint={t('market.procurement.priceHint')}
          inputMode="decimal"
          autoComplete="off"
          required
          value={price}
          error={problems.price}
          onChange={(event) => setPrice(event.target.value)}
          onKeyDown={nextOnEnter(4)}
        />
        <TextField
          data-step="5"
          label={t('market.procurement.slip')}
          hint={t('market.procurement.slipHint')}
          autoComplete="off"
          required
          className="admin-mono"
          value={slip}
          error={problems.slip}
          onChange={(event) => {
            setSlipEdited(true);
            setSlip(event.target.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void submit(event);
          }}
        />
      </div>
      <FieldShell label={t('market.procurement.amount')}>
        {(wiring) => (
          <output
            id={wiring.id}
            className={`market-entry__amount${amount === null ? ' market-entry__amount--pending' : ''}`}
            aria-live="polite"
          >
            {amount === null ? t('market.procurement.amountPending') : formatFen(amount)}
          </output>
        )}
      </FieldShell>
      <div className="admin-form-buttons">
        <Button type="submit" size="lg" loading={saving}>
          {t('market.procurement.save')}
        </Button>
      </div>
    </form>
  );
}
