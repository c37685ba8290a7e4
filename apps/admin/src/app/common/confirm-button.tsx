import { Button, type ButtonVariant } from '@fupin/ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmButtonProps {
  children: ReactNode;
  /** What pressing it will do, asked before it is done. */
  question: ReactNode;
  onConfirm: () => void | Promise<void>;
  variant?: ButtonVariant;
  confirmLabel?: ReactNode;
  busy?: boolean;
}

/** A button that asks once more in place (no pop-up), for actions that are hard to undo. */
export function ConfirmButton({
  children,
  question,
  onConfirm,
  variant = 'secondary',
  confirmLabel,
  busy = false,
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant={variant} loading={busy} onClick={() => setAsking(true)}>
        {children}
      </Button>
    );
  }
  return (
    <div
      className="admin-confirm"
      role="group"
      aria-label={typeof children === 'string' ? children : undefined}
    >
      <p className="admin-confirm__question">{question}</p>
      <div className="admin-confirm__buttons">
        <Button
          variant={variant === 'secondary' ? 'primary' : variant}
          loading={busy}
          onClick={async () => {
            await onConfirm();
            setAsking(false);
          }}
        >
          {confirmLabel ?? t('adm.confirm')}
        </Button>
        <Button variant="ghost" onClick={() => setAsking(false)}>
          {t('adm.cancel')}
        </Button>
      </div>
    </div>
  );
}
