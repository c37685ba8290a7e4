import type { KioskCredentialResponse } from '@fupin/contracts';
import { Button, Notice } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The device credential, shown this once: the registry keeps only its hash. */
export function KioskCredentialNotice({
  issued,
  onDone,
}: {
  issued: KioskCredentialResponse;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued.credential);
      setCopied('yes');
    } catch {
      setCopied('no'); // no clipboard over plain http: the reader copies it by hand
    }
  };
  return (
    <Notice
      tone="warning"
      title={t('orgs.kiosks.credentialTitle', { name: issued.kiosk.name })}
      action={
        <>
          <Button onClick={copy}>{t('orgs.kiosks.copy')}</Button>
          <Button variant="secondary" onClick={onDone}>
            {t('orgs.kiosks.copiedDone')}
          </Button>
        </>
      }
    >
      <p>{t('orgs.kiosks.credentialWarning')}</p>
      <p>
        <code className="admin-credential" aria-label={t('orgs.kiosks.credential')}>
          {issued.credential}
        </code>
      </p>
      {copied === 'yes' ? <p role="status">{t('orgs.kiosks.copied')}</p> : null}
      {copied === 'no' ? <p role="status">{t('orgs.kiosks.copyByHand')}</p> : null}
    </Notice>
  );
}
