import {
  Button,
  ErrorState,
  HealthSummary,
  ServiceChecks,
  ServiceStatusBadge,
  useSystemHealth,
} from '@fupin/ui';
import { useTranslation } from 'react-i18next';

/** A side panel telling buyers whether ordering will work right now. */
export function SystemStatusPanel() {
  const { t } = useTranslation();
  const health = useSystemHealth();
  return (
    <section className="sf-panel" aria-labelledby="sf-status-title">
      <h2 id="sf-status-title">{t('storefront.status.title')}</h2>
      {health.networkDown ? (
        <ErrorState
          title={t('common.health.networkDown')}
          message={t('common.error.network')}
          onRetry={health.recheck}
        />
      ) : (
        <>
          <HealthSummary health={health} />
          <ul className="sf-status-list">
            {health.services.map((entry) => (
              <li key={entry.service} className="sf-status-list__item" data-service={entry.service}>
                <span className="sf-status-list__name">{t(`common.services.${entry.service}`)}</span>
                <ServiceStatusBadge entry={entry} />
                <ServiceChecks entry={entry} />
              </li>
            ))}
          </ul>
          <Button variant="secondary" onClick={health.recheck} loading={health.checking}>
            {t('common.health.recheck')}
          </Button>
        </>
      )}
    </section>
  );
}
