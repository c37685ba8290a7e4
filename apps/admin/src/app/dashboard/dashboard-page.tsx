import { useDocumentTitle } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { SystemStatusTable } from './system-status-table';

export function DashboardPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('admin.dashboard')} · ${t('admin.name')}`);
  return (
    <div className="admin-dashboard">
      <h1>{t('admin.dashboard')}</h1>
      <p className="admin-dashboard__intro">{t('admin.intro')}</p>
      <SystemStatusTable />
    </div>
  );
}
