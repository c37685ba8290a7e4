import type { InputHTMLAttributes } from 'react';
import { FieldShell, type FieldTextProps } from './field-shell';

export type TextFieldProps = FieldTextProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'children'>;

export function TextField({ label, hint, error, id, required, className, ...input }: TextFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      {(wiring) => (
        <input
          type="text"
          {...input}
          {...wiring}
          required={required}
          className={['fp-input', className].filter(Boolean).join(' ')}
        />
      )}
    </FieldShell>
  );
}
