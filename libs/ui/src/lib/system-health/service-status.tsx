import type { HealthResponse } from '@fupin/contracts';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../feedback/status-badge';
import type { ServiceHealth } from './use-system-health';

export interface HealthCheck {
  /** The terminus indicator's key, e.g. `database`. */
  name: string;
  up: boolean;
}

/** The individual checks (database, …) inside a terminus body, in the order the service lists them. */
export function healthChecks(health: HealthResponse | undefined): HealthCheck[] {
  const details: Record<string, unknown> = health?.details ?? {};
  return Object.entries(details).map(([name, result]) => ({
    name,
    up: typeof result === 'object' && result !== null && (result as { status?: unknown }).status === 'up',
  }));
}

/** 正常 / 异常 / 检查中… for one service. */
export function ServiceStatusBadge({ entry }: { entry: ServiceHealth }) {
  const { t } = useTranslation();
  if (entry.state === 'checking')
    return <StatusBadge tone="pending">{t('common.status.checking')}</StatusBadge>;
  if (entry.state === 'up') return <StatusBadge tone="ok">{t('common.status.ok')}</StatusBadge>;
  return <StatusBadge tone="error">{t('common.status.error')}</StatusBadge>;
}

/**
 * The service's own checks in words, e.g. “数据库 正常”; when the service could not be reached,
 * says so instead, since then nothing is known about its database.
 */
export function ServiceChecks({ entry }: { entry: ServiceHealth }) {
  const { t } = useTranslation();
  if (entry.state === 'checking') return null;
  if (entry.state === 'down' && !entry.health) {
    return <span className="fp-checks fp-checks--unreachable">{t('common.health.unreachable')}</span>;
  }
  return (
    <ul className="fp-checks">
      {healthChecks(entry.health).map((check) => (
        <li key={check.name} className="fp-checks__item">
          <span className="fp-checks__name">
            {t(`common.health.checks.${check.name}`, { defaultValue: check.name })}
          </span>{' '}
          <StatusBadge tone={check.up ? 'ok' : 'error'}>
            {t(check.up ? 'common.status.ok' : 'common.status.error')}
          </StatusBadge>
        </li>
      ))}
    </ul>
  );
}
