import type { HouseholdDetail } from '@fupin/contracts';
import {
  HOUSEHOLD_SUB_CLASSES,
  POVERTY_STATUSES,
  POVERTY_STATUS_LABELS,
  SUB_CLASS_LABELS,
  LABOUR_CLASS_LABELS,
  SUB_CLASS_PARENT,
} from '@fupin/contracts';
import { Button, ErrorState, LoadingState, Notice } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { can } from '../auth/permissions';
import { useUser } from '../auth/session-context';
import { useLabel } from '../common/language';
import { PageHeader } from '../common/page-header';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { CardPinPanel } from './card-pin-panel';
import { HouseholdHistory } from './household-history';
import { HouseholdInfo } from './household-info';
import { HouseholdMembersTable } from './household-members-table';
import { HOUSEHOLDS_PATH } from './households-page';
import { ReasonedChangeForm } from './reasoned-change-form';

/** What the edit and register pages leave behind for this page to say. */
export interface HouseholdPageState {
  saved?: 'registered' | 'updated';
}

/** One household: facts, members, history, and the changes the reader's role may make. */
export function HouseholdDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const label = useLabel();
  const errorText = useErrorText();
  const user = useUser();
  const arrived = (useLocation().state as HouseholdPageState | null)?.saved;
  const [message, setMessage] = useState<string | null>(arrived ? t(`households.saved.${arrived}`) : null);
  const [changing, setChanging] = useState<'status' | 'class' | null>(null);
  const [changes, setChanges] = useState(0);
  const detail = useApiQuery(
    (client, signal) => client.get<HouseholdDetail>(`${HOUSEHOLDS_PATH}/${id}`, { signal }),
    [id],
  );
  const back = <Link to="/households">← {t('households.backToList')}</Link>;

  if (detail.error && !detail.data) {
    return (
      <div>
        <PageHeader title={t('households.detail.title')} back={back} />
        <ErrorState message={errorText(detail.error)} onRetry={detail.reload} />
      </div>
    );
  }
  if (!detail.data) return <LoadingState />;
  const household = detail.data;
  const mayWrite = can(user.role, 'households.write');
  const done = (text: string) => {
    setChanging(null);
    setMessage(text);
    setChanges((count) => count + 1);
    detail.reload();
  };

  return (
    <div className="admin-household">
      <PageHeader
        title={t('households.detail.heading', { name: household.headName })}
        description={`${household.householdNumber} · ${household.villageName}${household.groupName ? ` · ${household.groupName}` : ''}`}
        back={back}
        actions={
          <>
            {can(user.role, 'points.accounts.read') ? (
              <Link
                className="fp-button fp-button--secondary fp-button--md"
                to={`/households/${household.id}/points`}
              >
                {t('households.detail.pointsAccount')}
              </Link>
            ) : null}
            {mayWrite ? (
              <Link
                className="fp-button fp-button--secondary fp-button--md"
                to={`/households/${household.id}/edit`}
              >
                {t('households.edit.action')}
              </Link>
            ) : null}
          </>
        }
      />
      {message ? <Notice tone="ok" title={message} /> : null}
      {mayWrite ? (
        <div className="admin-action-bar">
          <Button
            variant={changing === 'status' ? 'primary' : 'secondary'}
            onClick={() => setChanging(changing === 'status' ? null : 'status')}
          >
            {t('households.change.status')}
          </Button>
          <Button
            variant={changing === 'class' ? 'primary' : 'secondary'}
            onClick={() => setChanging(changing === 'class' ? null : 'class')}
          >
            {t('households.change.class')}
          </Button>
        </div>
      ) : null}
      {changing === 'status' ? (
        <ReasonedChangeForm
          household={household}
          title={t('households.change.status')}
          fieldLabel={t('households.change.newStatus')}
          options={POVERTY_STATUSES.map((value) => ({ value, label: label(POVERTY_STATUS_LABELS[value]) }))}
          current={household.povertyStatus}
          endpoint="status"
          field="povertyStatus"
          onDone={() => done(t('households.change.statusSaved'))}
          onCancel={() => setChanging(null)}
          onReload={detail.reload}
        />
      ) : null}
      {changing === 'class' ? (
        <ReasonedChangeForm
          household={household}
          title={t('households.change.class')}
          fieldLabel={t('households.change.newClass')}
          options={HOUSEHOLD_SUB_CLASSES.map((value) => ({
            value,
            label: `${label(LABOUR_CLASS_LABELS[SUB_CLASS_PARENT[value]])} · ${label(SUB_CLASS_LABELS[value])}`,
          }))}
          current={household.subClass}
          endpoint="classification"
          field="subClass"
          onDone={() => done(t('households.change.classSaved'))}
          onCancel={() => setChanging(null)}
          onReload={detail.reload}
        />
      ) : null}
      <div className="admin-household__grid">
        <HouseholdInfo household={household} />
        {can(user.role, 'households.card') ? (
          <CardPinPanel household={household} onDone={(_next, text) => done(text)} />
        ) : null}
      </div>
      <HouseholdMembersTable members={household.members} />
      <HouseholdHistory householdId={household.id} refreshKey={changes} />
    </div>
  );
}
