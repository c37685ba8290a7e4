import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldTextProps {
  label: ReactNode;
  /** Help shown under the label, e.g. what to type and in which unit. */
  hint?: ReactNode;
  /** When set, the field is marked invalid and this text is read out with it. */
  error?: ReactNode;
}

export interface FieldWiring {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldShellProps extends FieldTextProps {
  id?: string;
  required?: boolean;
  children: (wiring: FieldWiring) => ReactNode;
}

/** Label, hint and error around one control, with the ids and aria attributes that tie them together. */
export function FieldShell({ id, label, hint, error, required, children }: FieldShellProps) {
  const { t } = useTranslation();
  const generated = useId();
  const controlId = id ?? `fp-field-${generated}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`fp-field${error ? ' fp-field--invalid' : ''}`}>
      <label className="fp-field__label" htmlFor={controlId}>
        {label}
        {required ? <span className="fp-field__required">（{t('common.required')}）</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="fp-field__hint">
          {hint}
        </p>
      ) : null}
      {children({ id: controlId, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error ? (
        <p id={errorId} className="fp-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
