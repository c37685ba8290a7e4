import { ROLE_LABELS, type UserView } from '@fupin/contracts';
import { ErrorState, LoadingState, Notice } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { can, manageableRoles } from '../auth/permissions';
import { useUser } from '../auth/session-context';
import { DetailList } from '../common/detail-list';
import { formatDateTime } from '../common/format';
import { useLabel, useLanguage } from '../common/language';
import { PageHeader } from '../common/page-header';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { UserActions } from './user-actions';
import { UserStatus } from './user-status';

/** One staff account, and what an administrator over it may do. */
export function UserDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const errorText = useErrorText();
  const actor = useUser();
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
  const [message, setMessage] = useState<string | null>(saved ? t(`users.saved.${saved}`) : null);
  const user = useApiQuery(
    (client, signal) => client.get<UserView>(`/api/registry/users/${id}`, { signal }),
    [id],
  );
  const back = <Link to="/users">← {t('users.back')}</Link>;
  if (user.error && !user.data) {
    return (
      <div>
        <PageHeader title={t('users.title')} back={back} />
        <ErrorState message={errorText(user.error)} onRetry={user.reload} />
      </div>
    );
  }
  if (!user.data) return <LoadingState />;
  const view = user.data;
  const mayManage =
    can(actor.role, 'users.write') && manageableRoles(actor.role).includes(view.role) && view.id !== actor.id;
  return (
    <div className="admin-user">
      <PageHeader
        title={view.displayName}
        description={`${view.username} · ${label(ROLE_LABELS[view.role])}`}
        back={back}
        actions={
          mayManage ? (
            <Link className="fp-button fp-button--secondary fp-button--md" to={`/users/${view.id}/edit`}>
              {t('users.edit')}
            </Link>
          ) : null
        }
      />
      {message ? <Notice tone="ok" title={message} /> : null}
      <section className="admin-section">
        <DetailList
          items={[
            {
              label: t('users.columns.username'),
              value: <span className="admin-mono">{view.username}</span>,
            },
            { label: t('users.columns.displayName'), value: view.displayName },
            { label: t('users.columns.role'), value: label(ROLE_LABELS[view.role]) },
            { label: t('users.columns.scope'), value: view.scopeName },
            { label: t('users.form.phone'), value: view.phone },
            { label: t('users.columns.status'), value: <UserStatus user={view} /> },
            {
              label: t('users.lockedUntil'),
              value: view.locked ? formatDateTime(view.lockedUntil, language) : null,
            },
            { label: t('users.mustChange'), value: t(view.mustChangePassword ? 'adm.yes' : 'adm.no') },
            { label: t('users.columns.lastLogin'), value: formatDateTime(view.lastLoginAt, language) },
            { label: t('users.createdAt'), value: formatDateTime(view.createdAt, language) },
          ]}
        />
      </section>
      {mayManage ? (
        <UserActions
          user={view}
          onChanged={(_next, text) => {
            setMessage(text);
            user.reload();
          }}
        />
      ) : null}
    </div>
  );
}
