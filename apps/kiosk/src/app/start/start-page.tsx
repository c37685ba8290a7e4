import { isApiClientError } from '@fupin/api-client';
import { ErrorState, LoadingState, useDocumentTitle } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { useKioskDevice } from '../device/kiosk-device';
import { KioskFlow } from '../flow/kiosk-flow';
import { useKioskErrorText } from '../session/kiosk-error-text';

/** What a villager sees on walking up to the kiosk: the card screen, once the kiosk is set up. */
export function StartPage() {
  const { t } = useTranslation();
  const errorText = useKioskErrorText();
  const kiosk = useKioskDevice();
  useDocumentTitle(kiosk.device ? `${kiosk.device.storeName} · ${t('kiosk.name')}` : t('kiosk.name'));

  if (kiosk.status === 'unconfigured' || !kiosk.credential) return <Navigate to="/setup" replace />;
  if (kiosk.status === 'failed') {
    const refused = isApiClientError(kiosk.error) && kiosk.error.status >= 400 && kiosk.error.status < 500;
    return (
      <div className="kiosk-start">
        <ErrorState
          title={refused ? t('kiosk.setup.unconfigured') : t('common.health.networkDown')}
          message={refused ? undefined : errorText(kiosk.error)}
          onRetry={kiosk.recheck}
        />
        <Link className="fp-button fp-button--secondary fp-button--lg" to="/setup">
          {t('kiosk.card.setupLink')}
        </Link>
      </div>
    );
  }
  if (kiosk.status === 'checking' || !kiosk.device) return <LoadingState />;
  return (
    <KioskFlow
      device={kiosk.device}
      credential={kiosk.credential}
      cardFooter={
        <Link className="kiosk-setup-link" to="/setup">
          {t('kiosk.card.setupLink')}
        </Link>
      }
    />
  );
}
