import { AppLayout } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';

/** The kiosk frame around every screen: large type and touch targets for the 1024×768 touch screen. */
export function KioskShell() {
  const { t } = useTranslation();
  return (
    <AppLayout variant="kiosk" title={<Link to="/">{t('kiosk.name')}</Link>}>
      <Outlet />
    </AppLayout>
  );
}
