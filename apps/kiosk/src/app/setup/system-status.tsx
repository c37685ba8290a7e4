import {
  Button,
  ErrorState,
  HealthSummary,
  ServiceChecks,
  ServiceStatusBadge,
  useSystemHealth,
} from '@fupin/ui';
import { useTranslation } from 'react-i18next';

/** The start screen's status area: one tile per service, so the keeper can see at a glance that all is well. */
export function SystemStatus() {
  const { t } = useTranslation();
  const health = useSystemHealth();
  return (
    <section className="kiosk-status" aria-labelledby="kiosk-status-title">
      <div className="kiosk-status__bar">
        <h2 id="kiosk-status-title" className="kiosk-status__title">
          {t('kiosk.status.title')}
        </h2>
        {health.networkDown ? null : (
          <>
            <HealthSummary health={health} />
            <Button variant="secondary" onClick={health.recheck} loading={health.checking}>
              {t('common.health.recheck')}
            </Button>
          </>
        )}
      </div>
      {health.networkDown ? (
        <ErrorState
          title={t('common.health.networkDown')}
          message={t('common.error.network')}
          onRetry={health.recheck}
        />
      ) : (
        <ul className="kiosk-status__tiles">
          {health.services.map((entry) => (
            <li key={entry.service} className="kiosk-status__tile" data-service={entry.service}>
              <span className="kiosk-status__name">{t(`common.services.${entry.service}`)}</span>
              <ServiceStatusBadge entry={entry} />
              <ServiceChecks entry={entry} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
