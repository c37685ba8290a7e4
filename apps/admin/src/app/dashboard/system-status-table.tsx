import {
  Button,
  DataTable,
  ErrorState,
  HealthSummary,
  ServiceChecks,
  ServiceStatusBadge,
  useSystemHealth,
  type DataTableColumn,
  type ServiceHealth,
} from '@fupin/ui';
import { useTranslation } from 'react-i18next';

/** Every service with its own checks, for staff who must tell the county which part is down. */
export function SystemStatusTable() {
  const { t } = useTranslation();
  const health = useSystemHealth();
  const columns: DataTableColumn<ServiceHealth>[] = [
    {
      key: 'service',
      header: t('common.health.service'),
      rowHeader: true,
      render: (entry) => t(`common.services.${entry.service}`),
    },
    {
      key: 'status',
      header: t('common.health.status'),
      render: (entry) => <ServiceStatusBadge entry={entry} />,
    },
    { key: 'checks', header: t('admin.status.checks'), render: (entry) => <ServiceChecks entry={entry} /> },
  ];
  return (
    <section className="admin-status" aria-labelledby="admin-status-title">
      <div className="admin-status__header">
        <h2 id="admin-status-title">{t('admin.status.title')}</h2>
        {health.networkDown ? null : (
          <Button variant="secondary" onClick={health.recheck} loading={health.checking}>
            {t('common.health.recheck')}
          </Button>
        )}
      </div>
      {health.networkDown ? (
        <ErrorState
          title={t('common.health.networkDown')}
          message={t('common.error.network')}
          onRetry={health.recheck}
        />
      ) : (
        <>
          <HealthSummary health={health} />
          <DataTable
            caption={t('admin.status.title')}
            captionHidden
            columns={columns}
            rows={health.services}
            rowKey={(entry) => entry.service}
          />
        </>
      )}
    </section>
  );
}
