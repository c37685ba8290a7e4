import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'md' | 'lg' | 'xl';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** `md` is at least 48px tall, `lg` 64px, `xl` 80px for the kiosk's main actions. */
  size?: ButtonSize;
  /** Shows a spinner and blocks presses while a request is under way. */
  loading?: boolean;
  /** Stretches the button to the width of its container. */
  block?: boolean;
}

export function Button({
  variant = 'primary',
  size = 'md',
  loading = false,
  block = false,
  disabled,
  type = 'button',
  className,
  children,
  ...rest
}: ButtonProps) {
  const classes = [
    'fp-button',
    `fp-button--${variant}`,
    `fp-button--${size}`,
    block ? 'fp-button--block' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      {...rest}
      type={type}
      className={classes}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
    >
      {loading ? <span className="fp-spinner" aria-hidden="true" /> : null}
      <span>{children}</span>
    </button>
  );
}
