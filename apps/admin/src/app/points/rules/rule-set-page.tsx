import type { RuleSetView } from '@fupin/contracts';
import { ErrorState, LoadingState, Notice } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { DetailList } from '../../common/detail-list';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { LEDGER } from '../points-api';
import { RuleItemsTable } from './rule-items-table';

/** One version of a village's points standard, old or current, read-only (versions are never edited). */
export function RuleSetPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const created = (useLocation().state as { created?: boolean } | null)?.created;
  const rules = useApiQuery(
    (client, signal) => client.get<RuleSetView>(`${LEDGER}/rule-sets/${id}`, { signal }),
    [id],
  );
  const data = rules.data;
  const back = (
    <Link to={`/points/rules${data ? `?village=${data.villageCode}` : ''}`}>
      ← {t('points.rules.backToList')}
    </Link>
  );
  if (rules.error && !data)
    return (
      <div>
        <PageHeader title={t('points.rules.title')} back={back} />
        <ErrorState message={errorText(rules.error)} onRetry={rules.reload} />
      </div>
    );
  if (!data) return <LoadingState />;
  return (
    <div>
      <PageHeader title={t('points.rules.versionTitle', { version: data.version })} back={back} />
      {created ? <Notice tone="ok" title={t('points.rules.published', { version: data.version })} /> : null}
      <DetailList
        items={[
          { label: t('points.rules.villageCode'), value: data.villageCode },
          { label: t('points.rules.effectiveFrom'), value: data.effectiveFrom },
          {
            label: t('points.rules.monthlyBase'),
            value: t('points.common.points', { count: data.monthlyBase }),
          },
          { label: t('points.rules.createdAt'), value: formatDateTime(data.createdAt, language) },
        ]}
      />
      <RuleItemsTable items={data.items} />
    </div>
  );
}
