import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../feedback/status-badge';
import type { SystemHealth } from './use-system-health';

/** One line over all services: 检查中… / 全部正常 / 有服务异常, announced when it changes. */
export function HealthSummary({ health }: { health: Pick<SystemHealth, 'services' | 'checking'> }) {
  const { t } = useTranslation();
  const allUp = health.services.every((entry) => entry.state === 'up');
  return (
    <p className="fp-health-summary" role="status">
      {health.checking ? (
        <StatusBadge tone="pending">{t('common.status.checking')}</StatusBadge>
      ) : allUp ? (
        <StatusBadge tone="ok">{t('common.health.allOk')}</StatusBadge>
      ) : (
        <StatusBadge tone="error">{t('common.health.someDown')}</StatusBadge>
      )}
    </p>
  );
}
