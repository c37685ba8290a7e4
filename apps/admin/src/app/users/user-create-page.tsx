import { ErrorState, LoadingState } from '@fupin/ui';
import type { UserView } from '@fupin/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../common/page-header';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { UserForm } from './user-form';

export function UserCreatePage() {
  const { t } = useTranslation();
  return (
    <div>
      <PageHeader title={t('users.create')} back={<Link to="/users">← {t('users.back')}</Link>} />
      <UserForm />
    </div>
  );
}

export function UserEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useApiQuery(
    (client, signal) => client.get<UserView>(`/api/registry/users/${id}`, { signal }),
    [id],
  );
  const back = <Link to={`/users/${id}`}>← {t('users.backToUser')}</Link>;
  return (
    <div>
      <PageHeader title={t('users.editTitle', { name: user.data?.displayName ?? '' })} back={back} />
      {user.error ? (
        <ErrorState message={errorText(user.error)} onRetry={user.reload} />
      ) : !user.data ? (
        <LoadingState />
      ) : (
        <UserForm existing={user.data} />
      )}
    </div>
  );
}
