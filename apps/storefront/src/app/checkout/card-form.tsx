import { TextField } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { formatCardNumber, type CardInput, type CardProblem } from './test-cards';

export interface CardFormProps {
  value: CardInput;
  onChange: (value: CardInput) => void;
  /** Shown after the buyer tried to submit. */
  problems: Partial<Record<keyof CardInput, CardProblem>>;
  disabled?: boolean;
}

/** Card number, expiry and CVC for the part the allowance does not cover. Nothing is stored. */
export function CardForm({ value, onChange, problems, disabled }: CardFormProps) {
  const { t } = useTranslation();
  const problem = (key: keyof CardInput) =>
    problems[key] ? t(`storefront.card.problem.${problems[key]}`) : undefined;
  return (
    <fieldset className="sf-card-form" disabled={disabled}>
      <legend>{t('storefront.card.title')}</legend>
      <p className="sf-hint">{t('storefront.card.testHint')}</p>
      <TextField
        label={t('storefront.card.number')}
        name="cardNumber"
        inputMode="numeric"
        autoComplete="cc-number"
        required
        value={value.number}
        error={problem('number')}
        onChange={(event) => onChange({ ...value, number: formatCardNumber(event.target.value) })}
      />
      <div className="sf-card-form__row">
        <TextField
          label={t('storefront.card.expiry')}
          name="cardExpiry"
          inputMode="numeric"
          autoComplete="cc-exp"
          placeholder="MM/YY"
          required
          maxLength={5}
          value={value.expiry}
          error={problem('expiry')}
          onChange={(event) => onChange({ ...value, expiry: event.target.value })}
        />
        <TextField
          label={t('storefront.card.cvc')}
          name="cardCvc"
          inputMode="numeric"
          autoComplete="cc-csc"
          required
          maxLength={4}
          value={value.cvc}
          error={problem('cvc')}
          onChange={(event) => onChange({ ...value, cvc: event.target.value.replace(/\D/g, '') })}
        />
      </div>
    </fieldset>
  );
}
