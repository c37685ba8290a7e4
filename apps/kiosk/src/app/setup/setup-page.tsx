import { isApiClientError } from '@fupin/api-client';
import type { KioskDeviceView } from '@fupin/contracts';
import { Button, Notice, TextField, useDocumentTitle } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { looksLikeCredential } from '../device/credential-storage';
import { useKioskDevice } from '../device/kiosk-device';
import { useKioskErrorText } from '../session/kiosk-error-text';
import { SystemStatus } from './system-status';

/**
 * The store keeper's screen, reached from a small link under the card entry: the device
 * credential issued when the kiosk was registered in the admin app is entered once and kept on
 * this machine, after the registry confirmed it. Also shows whether every service is up.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const errorText = useKioskErrorText();
  const kiosk = useKioskDevice();
  useDocumentTitle(`${t('kiosk.setup.title')} · ${t('kiosk.name')}`);
  const [credential, setCredential] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<
    | { tone: 'ok'; view: KioskDeviceView }
    | { tone: 'error'; text: string }
    | { tone: 'confirmForget' }
    | { tone: 'forgotten' }
    | null
  >(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    if (!looksLikeCredential(credential)) {
      setFieldError(t('kiosk.setup.malformed'));
      return;
    }
    setFieldError(undefined);
    setSaving(true);
    try {
      const view = await kiosk.configure(credential);
      setCredential('');
      setOutcome({ tone: 'ok', view });
    } catch (error) {
      const code = isApiClientError(error) ? error.code : '';
      const text =
        code === 'KIOSK_INACTIVE'
          ? t('kiosk.setup.inactive')
          : code === 'KIOSK_CREDENTIAL_INVALID' || code === 'KIOSK_NOT_FOUND'
            ? t('kiosk.setup.invalid')
            : errorText(error);
      setOutcome({ tone: 'error', text });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="kiosk-setup">
      <h1 className="kiosk-step-title">{t('kiosk.setup.title')}</h1>
      <p className="kiosk-hint">{t('kiosk.setup.intro')}</p>
      <p className="kiosk-setup__current" data-testid="kiosk-current">
        {kiosk.device
          ? t('kiosk.setup.current', {
              name: kiosk.device.name,
              store: kiosk.device.storeName,
              village: kiosk.device.villageName,
            })
          : kiosk.status === 'checking'
            ? t('common.loading')
            : t('kiosk.setup.notSet')}
      </p>
      <form className="kiosk-setup__form" onSubmit={save} aria-label={t('kiosk.setup.title')}>
        <TextField
          label={t('kiosk.setup.credential')}
          hint={t('kiosk.setup.credentialHint')}
          error={fieldError}
          value={credential}
          onChange={(event) => setCredential(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="kiosk-setup__buttons">
          <Button type="submit" size="lg" loading={saving}>
            {t('kiosk.setup.save')}
          </Button>
          {kiosk.credential ? (
            <Button variant="danger" size="lg" onClick={() => setOutcome({ tone: 'confirmForget' })}>
              {t('kiosk.setup.forget')}
            </Button>
          ) : null}
          {kiosk.status === 'ready' ? (
            <Link className="fp-button fp-button--primary fp-button--lg" to="/">
              {t('kiosk.setup.start')}
            </Link>
          ) : null}
        </div>
      </form>
      {outcome?.tone === 'ok' ? (
        <Notice tone="ok">
          {t('kiosk.setup.saved', { store: outcome.view.storeName, village: outcome.view.villageName })}
        </Notice>
      ) : null}
      {outcome?.tone === 'error' ? <Notice tone="error">{outcome.text}</Notice> : null}
      {outcome?.tone === 'confirmForget' ? (
        <Notice
          tone="warning"
          title={t('kiosk.setup.forgetQuestion')}
          action={
            <>
              <Button
                variant="danger"
                onClick={() => {
                  kiosk.forget();
                  setOutcome({ tone: 'forgotten' });
                }}
              >
                {t('kiosk.setup.forgetConfirm')}
              </Button>
              <Button variant="secondary" onClick={() => setOutcome(null)}>
                {t('kiosk.setup.keep')}
              </Button>
            </>
          }
        />
      ) : null}
      {outcome?.tone === 'forgotten' ? <Notice tone="warning">{t('kiosk.setup.forgotten')}</Notice> : null}
      <SystemStatus />
    </div>
  );
}
