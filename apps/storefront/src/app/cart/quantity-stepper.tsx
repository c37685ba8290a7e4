import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface QuantityStepperProps {
  label: string;
  value: number;
  max: number;
  onChange: (value: number) => void;
  disabled?: boolean;
}

/** − [n] + with big buttons; typing is allowed and held between 1 and `max`. */
export function QuantityStepper({ label, value, max, onChange, disabled }: QuantityStepperProps) {
  const { t } = useTranslation();
  const id = useId();
  const set = (next: number) => onChange(Math.max(1, Math.min(max, Number.isFinite(next) ? next : 1)));
  return (
    <div className="sf-stepper">
      <label htmlFor={id} className="sf-stepper__label">
        {label}
      </label>
      <div className="sf-stepper__controls">
        <button
          type="button"
          className="sf-stepper__button"
          aria-label={t('storefront.cart.less', { name: label })}
          disabled={disabled || value <= 1}
          onClick={() => set(value - 1)}
        >
          −
        </button>
        <input
          id={id}
          className="fp-input sf-stepper__input"
          inputMode="numeric"
          value={value}
          disabled={disabled}
          onChange={(event) => set(Math.floor(Number(event.target.value.replace(/\D/g, '')) || 1))}
        />
        <button
          type="button"
          className="sf-stepper__button"
          aria-label={t('storefront.cart.more', { name: label })}
          disabled={disabled || value >= max}
          onClick={() => set(value + 1)}
        >
          +
        </button>
      </div>
    </div>
  );
}
