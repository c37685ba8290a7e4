import { DataTable, EmptyState, ErrorState, LoadingState, type DataTableColumn } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { DIVIDENDS, type Plan } from '../dividends-api';
import { EntityFrame } from '../entities/entity-frame';

/** 分配方案: the entity's plans, each with its versions (a distribution keeps the version it used). */
export function PlansPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const user = useUser();
  const plans = useApiQuery(
    (client, signal) => client.get<Plan[]>(`${DIVIDENDS}/entities/${id}/plans`, { signal }),
    [id],
  );
  const columns: DataTableColumn<Plan>[] = [
    {
      key: 'name',
      header: t('dividends.plans.name'),
      rowHeader: true,
      render: (p) => <Link to={`/dividends/entities/${id}/plans/${p.id}`}>{p.name}</Link>,
    },
    { key: 'version', header: t('dividends.plans.version'), align: 'end', render: (p) => p.currentVersion },
    {
      key: 'saved',
      header: t('dividends.plans.savedAt'),
      render: (p) => formatDateTime(p.versions[p.versions.length - 1]?.createdAt, language),
    },
  ];
  const base = `/dividends/entities/${id}/plans/new`;
  return (
    <EntityFrame
      entityId={id}
      title={t('dividends.plans.title')}
      description={t('dividends.plans.description')}
    >
      {(entity) => (
        <>
          {can(user.role, 'dividends.write') ? (
            <div className="admin-form-buttons">
              <Link
                className={`fp-button fp-button--${entity.type === 'pv_station' ? 'primary' : 'secondary'} fp-button--md`}
                to={`${base}?template=pv`}
              >
                {t('dividends.plans.newPv')}
              </Link>
              <Link
                className={`fp-button fp-button--${entity.type === 'pv_station' ? 'secondary' : 'primary'} fp-button--md`}
                to={`${base}?template=cooperative`}
              >
                {t('dividends.plans.newCooperative')}
              </Link>
              <Link className="fp-button fp-button--secondary fp-button--md" to={`${base}?template=blank`}>
                {t('dividends.plans.newBlank')}
              </Link>
            </div>
          ) : null}
          {plans.error ? (
            <ErrorState message={errorText(plans.error)} onRetry={plans.reload} />
          ) : !plans.data ? (
            <LoadingState label={t('dividends.loading')} />
          ) : (
            <DataTable
              stackOnPhone
              caption={t('dividends.plans.caption', { count: plans.data.length })}
              columns={columns}
              rows={plans.data}
              rowKey={(p) => p.id}
              empty={<EmptyState title={t('dividends.plans.empty')} />}
            />
          )}
        </>
      )}
    </EntityFrame>
  );
}
