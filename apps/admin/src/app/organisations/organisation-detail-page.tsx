import { ORGANISATION_TYPE_LABELS, type OrganisationView } from '@fupin/contracts';
import { Button, ErrorState, LoadingState, Notice, StatusBadge, useApiClient } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { can, regionInScope } from '../auth/permissions';
import { useUser } from '../auth/session-context';
import { ConfirmButton } from '../common/confirm-button';
import { DetailList } from '../common/detail-list';
import { formatDateTime } from '../common/format';
import { useLabel, useLanguage } from '../common/language';
import { PageHeader } from '../common/page-header';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { KiosksPanel } from './kiosks-panel';

/** One organisation; a love supermarket also lists its kiosk devices. */
export function OrganisationDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  const user = useUser();
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
  const [message, setMessage] = useState<string | null>(saved ? t(`orgs.saved.${saved}`) : null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const org = useApiQuery(
    (c, signal) => c.get<OrganisationView>(`/api/registry/organisations/${id}`, { signal }),
    [id],
  );
  const back = <Link to="/organisations">← {t('orgs.back')}</Link>;
  if (org.error && !org.data) {
    return (
      <div>
        <PageHeader title={t('orgs.title')} back={back} />
        <ErrorState message={errorText(org.error)} onRetry={org.reload} />
      </div>
    );
  }
  if (!org.data) return <LoadingState />;
  const view = org.data;
  const mayWrite = can(user.role, 'organisations.write') && regionInScope(user, view.regionCode);
  const setActive = async (active: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      await client.patch(`/api/registry/organisations/${view.id}`, { active });
      setMessage(t(active ? 'orgs.activated' : 'orgs.deactivated'));
      org.reload();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="admin-org">
      <PageHeader
        title={view.name}
        description={`${label(ORGANISATION_TYPE_LABELS[view.type])} · ${view.regionName}`}
        back={back}
        actions={
          mayWrite ? (
            <Link
              className="fp-button fp-button--secondary fp-button--md"
              to={`/organisations/${view.id}/edit`}
            >
              {t('orgs.edit')}
            </Link>
          ) : null
        }
      />
      {message ? <Notice tone="ok" title={message} /> : null}
      {failure ? <Notice tone="error" title={failure} /> : null}
      <section className="admin-section">
        <DetailList
          items={[
            { label: t('orgs.columns.type'), value: label(ORGANISATION_TYPE_LABELS[view.type]) },
            { label: t('orgs.columns.region'), value: view.regionName },
            { label: t('orgs.form.contactName'), value: view.contactName },
            { label: t('orgs.form.contactPhone'), value: view.contactPhone },
            {
              label: t('orgs.columns.active'),
              value: (
                <StatusBadge tone={view.active ? 'ok' : 'neutral'}>
                  {t(view.active ? 'orgs.active' : 'orgs.inactive')}
                </StatusBadge>
              ),
            },
            { label: t('orgs.createdAt'), value: formatDateTime(view.createdAt, language) },
          ]}
        />
        {mayWrite ? (
          <div className="admin-action-bar">
            {view.active ? (
              <ConfirmButton
                variant="danger"
                busy={busy}
                question={t('orgs.deactivateQuestion', { name: view.name })}
                onConfirm={() => setActive(false)}
              >
                {t('orgs.deactivate')}
              </ConfirmButton>
            ) : (
              <Button loading={busy} onClick={() => setActive(true)}>
                {t('orgs.activate')}
              </Button>
            )}
          </div>
        ) : null}
      </section>
      {view.type === 'love_supermarket' && can(user.role, 'kiosks.read') ? (
        <KiosksPanel store={view} />
      ) : null}
    </div>
  );
}
