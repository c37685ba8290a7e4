import type { TextareaHTMLAttributes } from 'react';
import { FieldShell, type FieldTextProps } from './field-shell';

export type TextAreaFieldProps = FieldTextProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'>;

/** Several lines of text, e.g. the reason for a change that goes into the history. */
export function TextAreaField({
  label,
  hint,
  error,
  id,
  required,
  className,
  rows = 3,
  ...input
}: TextAreaFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      {(wiring) => (
        <textarea
          rows={rows}
          {...input}
          {...wiring}
          required={required}
          className={['fp-input', 'fp-textarea', className].filter(Boolean).join(' ')}
        />
      )}
    </FieldShell>
  );
}
