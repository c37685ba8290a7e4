import type { KioskCredentialResponse, KioskView, OrganisationView, Paginated } from '@fupin/contracts';
import {
  Button,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  StatusBadge,
  TextField,
  useApiClient,
  type DataTableColumn,
} from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../auth/permissions';
import { useUser } from '../auth/session-context';
import { ConfirmButton } from '../common/confirm-button';
import { formatDateTime } from '../common/format';
import { useLanguage } from '../common/language';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { KioskCredentialNotice } from './kiosk-credential-notice';

const KIOSKS = '/api/registry/kiosks';

/** The love supermarket's self-service kiosks: register one, issue a new credential, switch off or on. */
export function KiosksPanel({ store }: { store: OrganisationView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  const user = useUser();
  const mayWrite = can(user.role, 'kiosks.write');
  const kiosks = useApiQuery(
    (c, signal) =>
      c.get<Paginated<KioskView>>(KIOSKS, { query: { storeId: store.id, pageSize: 100 }, signal }),
    [store.id],
  );
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [issued, setIssued] = useState<KioskCredentialResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async <T,>(key: string, request: () => Promise<T>, after: (value: T) => void) => {
    setBusy(key);
    setFailure(null);
    try {
      after(await request());
      kiosks.reload();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(null);
    }
  };
  const register = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('orgs.kiosks.nameMissing'));
      return;
    }
    setNameError(undefined);
    void run(
      'register',
      () => client.post<KioskCredentialResponse>(KIOSKS, { storeId: store.id, name: name.trim() }),
      (value) => {
        setIssued(value);
        setName('');
      },
    );
  };

  const columns: DataTableColumn<KioskView>[] = [
    { key: 'name', header: t('orgs.kiosks.name'), rowHeader: true, render: (k) => k.name },
    {
      key: 'active',
      header: t('orgs.columns.active'),
      render: (k) => (
        <StatusBadge tone={k.active ? 'ok' : 'neutral'}>
          {t(k.active ? 'orgs.active' : 'orgs.inactive')}
        </StatusBadge>
      ),
    },
    {
      key: 'issued',
      header: t('orgs.kiosks.issuedAt'),
      render: (k) => formatDateTime(k.credentialIssuedAt, language),
    },
    {
      key: 'signIn',
      header: t('orgs.kiosks.lastSignIn'),
      render: (k) => formatDateTime(k.lastSignInAt, language),
    },
  ];
  if (mayWrite) {
    columns.push({
      key: 'actions',
      header: t('orgs.kiosks.actions'),
      render: (k) => (
        <div className="admin-row-actions">
          <ConfirmButton
            busy={busy === `rotate-${k.id}`}
            question={t('orgs.kiosks.rotateQuestion')}
            onConfirm={() =>
              run(
                `rotate-${k.id}`,
                () => client.post<KioskCredentialResponse>(`${KIOSKS}/${k.id}/credential`),
                setIssued,
              )
            }
          >
            {t('orgs.kiosks.rotate')}
          </ConfirmButton>
          <Button
            variant="ghost"
            loading={busy === `active-${k.id}`}
            onClick={() =>
              run(
                `active-${k.id}`,
                () => client.post(`${KIOSKS}/${k.id}/${k.active ? 'deactivate' : 'activate'}`),
                () => undefined,
              )
            }
          >
            {t(k.active ? 'orgs.kiosks.deactivate' : 'orgs.kiosks.activate')}
          </Button>
        </div>
      ),
    });
  }
  return (
    <section className="admin-section" aria-labelledby="kiosks-title">
      <h2 id="kiosks-title">{t('orgs.kiosks.title')}</h2>
      {issued ? <KioskCredentialNotice issued={issued} onDone={() => setIssued(null)} /> : null}
      {failure ? <Notice tone="error" title={failure} /> : null}
      {kiosks.error ? (
        <ErrorState message={errorText(kiosks.error)} onRetry={kiosks.reload} />
      ) : !kiosks.data ? (
        <LoadingState />
      ) : (
        <DataTable
          stackOnPhone
          caption={t('orgs.kiosks.title')}
          captionHidden
          columns={columns}
          rows={kiosks.data.items}
          rowKey={(k) => k.id}
          empty={<EmptyState title={t('orgs.kiosks.empty')} />}
        />
      )}
      {mayWrite ? (
        <form className="admin-inline-form" onSubmit={register} noValidate>
          <h3>{t('orgs.kiosks.register')}</h3>
          <TextField
            label={t('orgs.kiosks.name')}
            hint={t('orgs.kiosks.nameHint')}
            value={name}
            error={nameError}
            onChange={(event) => setName(event.target.value)}
          />
          <Button type="submit" loading={busy === 'register'}>
            {t('orgs.kiosks.registerSubmit')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
