import type { RuleSetView } from '@fupin/contracts';
import { DataTable, EmptyState, ErrorState, LoadingState, StatusBadge } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { ChooseVillageHint, useVillage, VillageChooser } from '../common/village-chooser';
import { LEDGER } from '../points-api';

/** The version in force today: the newest whose effective date has come. */
export function versionInForce(versions: readonly RuleSetView[], today: string): RuleSetView | undefined {
  return [...versions]
    .filter((v) => v.effectiveFrom <= today)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0];
}

/** 积分标准: every published version of a village's points standard. */
export function RuleSetsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const user = useUser();
  const [village] = useVillage();
  const list = useApiQuery(
    (client, signal) => client.get<RuleSetView[]>(`${LEDGER}/villages/${village}/rule-sets`, { signal }),
    [village],
    village !== '',
  );
  const today = new Date().toISOString().slice(0, 10);
  const current = list.data ? versionInForce(list.data, today) : undefined;
  const versions = [...(list.data ?? [])].sort((a, b) => b.version - a.version);

  return (
    <div>
      <PageHeader
        title={t('points.rules.title')}
        description={t('points.rules.description')}
        actions={
          village && can(user.role, 'points.rules.write') ? (
            <Link
              className="fp-button fp-button--primary fp-button--md"
              to={`/points/rules/new?village=${village}`}
            >
              {t('points.rules.create')}
            </Link>
          ) : null
        }
      />
      <VillageChooser />
      {!village ? (
        <ChooseVillageHint />
      ) : list.error ? (
        <ErrorState message={errorText(list.error)} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState />
      ) : (
        <DataTable
          stackOnPhone
          caption={t('points.rules.caption')}
          rows={versions}
          rowKey={(row) => row.id}
          empty={<EmptyState title={t('points.rules.empty')} description={t('points.rules.emptyHint')} />}
          columns={[
            {
              key: 'version',
              header: t('points.rules.version'),
              rowHeader: true,
              render: (row) => (
                <Link to={`/points/rules/${row.id}`}>
                  {t('points.rules.versionNo', { version: row.version })}
                </Link>
              ),
            },
            { key: 'from', header: t('points.rules.effectiveFrom'), render: (row) => row.effectiveFrom },
            {
              key: 'state',
              header: t('points.rules.state'),
              render: (row) =>
                row.id === current?.id ? (
                  <StatusBadge tone="ok">{t('points.rules.inForce')}</StatusBadge>
                ) : row.effectiveFrom > today ? (
                  <StatusBadge tone="pending">{t('points.rules.upcoming')}</StatusBadge>
                ) : (
                  <StatusBadge tone="neutral">{t('points.rules.superseded')}</StatusBadge>
                ),
            },
            {
              key: 'base',
              header: t('points.rules.monthlyBase'),
              align: 'end',
              render: (row) => row.monthlyBase,
            },
            {
              key: 'items',
              header: t('points.rules.itemCount'),
              align: 'end',
              render: (row) => row.items.length,
            },
            {
              key: 'created',
              header: t('points.rules.createdAt'),
              render: (row) => formatDateTime(row.createdAt, language),
            },
          ]}
        />
      )}
    </div>
  );
}
