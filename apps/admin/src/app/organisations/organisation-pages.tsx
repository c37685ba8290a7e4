import type { OrganisationView } from '@fupin/contracts';
import { ErrorState, LoadingState } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../common/page-header';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { OrganisationForm } from './organisation-form';

export function OrganisationCreatePage() {
  const { t } = useTranslation();
  return (
    <div>
      <PageHeader title={t('orgs.create')} back={<Link to="/organisations">← {t('orgs.back')}</Link>} />
      <OrganisationForm />
    </div>
  );
}

export function OrganisationEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const org = useApiQuery(
    (client, signal) => client.get<OrganisationView>(`/api/registry/organisations/${id}`, { signal }),
    [id],
  );
  return (
    <div>
      <PageHeader
        title={t('orgs.editTitle', { name: org.data?.name ?? '' })}
        back={<Link to={`/organisations/${id}`}>← {t('orgs.backToOrg')}</Link>}
      />
      {org.error ? (
        <ErrorState message={errorText(org.error)} onRetry={org.reload} />
      ) : !org.data ? (
        <LoadingState />
      ) : (
        <OrganisationForm existing={org.data} />
      )}
    </div>
  );
}
