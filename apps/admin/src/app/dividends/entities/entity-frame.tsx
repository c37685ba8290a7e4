import { ORGANISATION_TYPE_LABELS } from '@fupin/contracts';
import { ErrorState, LoadingState } from '@fupin/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router-dom';
import { useLabel } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useErrorText } from '../../common/use-error-text';
import { useEntity, type DividendEntity } from '../dividends-api';
import '../dividends.css';

export interface EntityFrameProps {
  entityId: string;
  /** The page's own title, after the entity's name. */
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: (entity: DividendEntity) => ReactNode;
}

/** The entity's name, type and the tabs of its pages; the page's content once the entity is loaded. */
export function EntityFrame({ entityId, title, description, actions, children }: EntityFrameProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const errorText = useErrorText();
  const entity = useEntity(entityId);
  if (entity.error) return <ErrorState message={errorText(entity.error)} onRetry={entity.reload} />;
  if (!entity.data) return <LoadingState label={t('dividends.loading')} />;
  const e = entity.data;
  const base = `/dividends/entities/${e.id}`;
  const tabs = [
    { to: base, label: t('dividends.tabs.members'), end: true },
    ...(e.type === 'pv_station' ? [{ to: `${base}/attendance`, label: t('dividends.tabs.attendance') }] : []),
    { to: `${base}/income`, label: t('dividends.tabs.income') },
    { to: `${base}/plans`, label: t('dividends.tabs.plans') },
    { to: `${base}/distributions`, label: t('dividends.tabs.distributions') },
  ];
  return (
    <div className="dividends-page">
      <PageHeader
        title={`${title} · ${e.name}`}
        description={description ?? `${label(ORGANISATION_TYPE_LABELS[e.type], e.type)} · ${e.regionCode}`}
        actions={actions}
        back={<Link to="/dividends/entities">← {t('dividends.entities.back')}</Link>}
      />
      <nav className="dividends-tabs" aria-label={t('dividends.tabs.label')}>
        <ul>
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} end={tab.end}>
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children(e)}
    </div>
  );
}
