import type { HouseholdDetail } from '@fupin/contracts';
import { ErrorState, LoadingState } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../common/page-header';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { HouseholdEditForm } from './household-edit-form';
import { HOUSEHOLDS_PATH } from './households-page';

/** Loads the household and edits it; a reload after a conflict starts the form afresh from the new version. */
export function HouseholdEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const detail = useApiQuery(
    (client, signal) => client.get<HouseholdDetail>(`${HOUSEHOLDS_PATH}/${id}`, { signal }),
    [id],
  );
  const back = <Link to={`/households/${id}`}>← {t('households.edit.back')}</Link>;
  if (detail.error && !detail.data) {
    return (
      <div>
        <PageHeader title={t('households.edit.action')} back={back} />
        <ErrorState message={errorText(detail.error)} onRetry={detail.reload} />
      </div>
    );
  }
  if (!detail.data || detail.loading) return <LoadingState />;
  return (
    <div className="admin-household-form">
      <PageHeader
        title={t('households.edit.title', { name: detail.data.headName })}
        description={`${detail.data.householdNumber} · ${detail.data.villageName}`}
        back={back}
      />
      <HouseholdEditForm
        key={`${detail.data.id}-${detail.data.version}`}
        household={detail.data}
        onReload={detail.reload}
      />
    </div>
  );
}
