import type { HouseholdBankAccountView } from '@fupin/contracts';
import { Notice, useApiClient } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../common/confirm-button';
import { useErrorText } from '../common/use-error-text';

interface BankAccountRevealProps {
  householdId: string;
  masked: string;
  /** County administrators only; the registry writes every look into the audit log. */
  mayReveal: boolean;
}

/** The masked account number; a county administrator may see it whole after confirming it is audited. */
export function BankAccountReveal({ householdId, masked, mayReveal }: BankAccountRevealProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [full, setFull] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (full) {
    return (
      <span className="admin-reveal">
        <span className="admin-mono">{full}</span>
        <span className="admin-muted">{t('households.bank.audited')}</span>
      </span>
    );
  }
  return (
    <span className="admin-reveal">
      <span className="admin-mono">{masked}</span>
      {mayReveal ? (
        <ConfirmButton
          variant="ghost"
          busy={busy}
          question={t('households.bank.question')}
          confirmLabel={t('households.bank.confirm')}
          onConfirm={async () => {
            setBusy(true);
            setFailure(null);
            try {
              const view = await client.get<HouseholdBankAccountView>(
                `/api/registry/households/${householdId}/bank-account`,
              );
              setFull(view.accountNumber);
            } catch (error) {
              setFailure(errorText(error));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('households.bank.reveal')}
        </ConfirmButton>
      ) : null}
      {failure ? <Notice tone="error" title={failure} /> : null}
    </span>
  );
}
