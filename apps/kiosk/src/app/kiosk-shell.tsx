import { AppLayout } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { KioskDeviceProvider, useKioskDevice } from './device/kiosk-device';

function KioskTitle() {
  const { t } = useTranslation();
  const { device } = useKioskDevice();
  return (
    <span className="kiosk-title">
      {t('kiosk.name')}
      {device ? <span className="kiosk-title__store"> · {device.storeName}</span> : null}
    </span>
  );
}

/**
 * The kiosk frame around every screen: large type and touch targets for the 1024×768 touch
 * screen. The title is not a link: a villager mid-visit leaves through the screen's own buttons.
 */
export function KioskShell() {
  return (
    <KioskDeviceProvider>
      <AppLayout variant="kiosk" title={<KioskTitle />}>
        <Outlet />
      </AppLayout>
    </KioskDeviceProvider>
  );
}
