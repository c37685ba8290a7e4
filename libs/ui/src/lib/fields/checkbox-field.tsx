import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'children'> {
  label: ReactNode;
  /** Help under the label. */
  hint?: ReactNode;
}

/** A checkbox with its label beside it; the whole row is the touch target. */
export function CheckboxField({ label, hint, id, className, ...input }: CheckboxFieldProps) {
  const generated = useId();
  const controlId = id ?? `fp-checkbox-${generated}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  return (
    <div className={['fp-checkbox', className].filter(Boolean).join(' ')}>
      <input {...input} id={controlId} type="checkbox" aria-describedby={hintId} />
      <label htmlFor={controlId} className="fp-checkbox__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="fp-field__hint fp-checkbox__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
