import { useEffect, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { FieldShell, type FieldTextProps } from './field-shell';

type NativeProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'children' | 'type' | 'value' | 'defaultValue' | 'onChange' | 'inputMode'
>;

export interface NumberFieldProps extends FieldTextProps, NativeProps {
  /** A whole number (points, or money in fen), or null when empty. */
  value: number | null;
  /** Called with the whole number typed, or null while the text is empty or not a whole number. */
  onValueChange: (value: number | null) => void;
  /** Shown after the box, e.g. 积分 or 元. */
  unit?: ReactNode;
}

const WHOLE_NUMBER = /^-?\d+$/;

function parseWhole(text: string): number | null {
  const trimmed = text.trim();
  if (!WHOLE_NUMBER.test(trimmed)) return null;
  const parsed = Number(trimmed);
  return Number.isSafeInteger(parsed) ? parsed : null;
}

/**
 * A field for whole numbers only: points and fen are integers, and a text box with a numeric
 * keypad avoids the browser's number spinner, which is hard to use on a touch screen.
 */
export function NumberField({
  label,
  hint,
  error,
  id,
  required,
  value,
  onValueChange,
  unit,
  className,
  ...input
}: NumberFieldProps) {
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => {
    // Follow the parent's value unless the text already means it (keeps "-" or "007" while typing).
    setText((current) => (parseWhole(current) === value ? current : value === null ? '' : String(value)));
  }, [value]);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      {(wiring) => (
        <span className="fp-number-field">
          <input
            {...input}
            {...wiring}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            required={required}
            className={['fp-input', className].filter(Boolean).join(' ')}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              onValueChange(parseWhole(event.target.value));
            }}
          />
          {unit ? <span className="fp-number-field__unit">{unit}</span> : null}
        </span>
      )}
    </FieldShell>
  );
}
