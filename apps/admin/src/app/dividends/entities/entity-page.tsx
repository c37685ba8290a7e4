import { LABOUR_CLASS_LABELS, POVERTY_STATUS_LABELS, SHARE_KINDS } from '@fupin/contracts';
import { DataTable, EmptyState, ErrorState, LoadingState, type DataTableColumn } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { useLabel } from '../../common/language';
import { useErrorText } from '../../common/use-error-text';
import { useMembers, type EntityMember } from '../dividends-api';
import { EntityFrame } from './entity-frame';
import { AddMemberForm, AddShareholdingForm } from './member-forms';

const PAGE_SIZE = 20;

/** One entity: its members and their shareholdings (ordinary / preferred / quantified from poverty funds). */
export function EntityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const user = useUser();
  const mayWrite = can(user.role, 'dividends.write');
  return (
    <EntityFrame
      entityId={id}
      title={t('dividends.members.title')}
      actions={
        mayWrite ? (
          <Link
            className="fp-button fp-button--secondary fp-button--md"
            to={`/dividends/entities/${id}/members/import`}
          >
            {t('dividends.members.import')}
          </Link>
        ) : null
      }
    >
      {(entity) => <Members entityId={entity.id} mayWrite={mayWrite && entity.active} />}
    </EntityFrame>
  );
}

function Members({ entityId, mayWrite }: { entityId: string; mayWrite: boolean }) {
  const { t } = useTranslation();
  const label = useLabel();
  const errorText = useErrorText();
  const user = useUser();
  const members = useMembers(entityId);
  const [page, setPage] = useState(1);
  const kindText = (kind: string) =>
    (SHARE_KINDS as readonly string[]).includes(kind) ? t(`dividends.shareKinds.${kind}`) : kind;
  const columns: DataTableColumn<EntityMember>[] = [
    {
      key: 'number',
      header: t('dividends.members.number'),
      rowHeader: true,
      render: (m) => <span className="admin-mono">{m.householdNumber}</span>,
    },
    { key: 'head', header: t('dividends.members.head'), render: (m) => m.headName },
    {
      key: 'class',
      header: t('dividends.members.class'),
      render: (m) =>
        [
          m.labourClass ? label(LABOUR_CLASS_LABELS[m.labourClass]) : '',
          label(POVERTY_STATUS_LABELS[m.povertyStatus]),
        ]
          .filter(Boolean)
          .join(' · '),
    },
    { key: 'joined', header: t('dividends.members.joinedOn'), render: (m) => m.joinedOn },
    {
      key: 'shares',
      header: t('dividends.members.shares'),
      render: (m) =>
        m.shareholdings.length === 0 ? (
          <span className="admin-muted">{t('dividends.members.noShares')}</span>
        ) : (
          <ul className="dividends-plain-list">
            {m.shareholdings.map((s) => (
              <li key={s.id}>
                {t('dividends.members.holding', {
                  kind: kindText(s.kind),
                  shares: s.shares,
                  from: s.validFrom,
                  to: s.validTo ?? t('dividends.members.open'),
                })}
              </li>
            ))}
          </ul>
        ),
    },
  ];
  if (members.error) return <ErrorState message={errorText(members.error)} onRetry={members.reload} />;
  if (!members.data) return <LoadingState label={t('dividends.loading')} />;
  return (
    <>
      <DataTable
        stackOnPhone
        caption={t('dividends.members.caption', { count: members.data.length })}
        columns={columns}
        rows={members.data.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
        rowKey={(m) => m.householdId}
        empty={
          <EmptyState title={t('dividends.members.empty')} description={t('dividends.members.emptyHint')} />
        }
        pagination={{ page, pageSize: PAGE_SIZE, total: members.data.length, onPageChange: setPage }}
      />
      {mayWrite ? (
        <div className="dividends-two-columns">
          {can(user.role, 'households.read') ? (
            <AddMemberForm entityId={entityId} onAdded={members.reload} />
          ) : (
            <p className="admin-muted">{t('dividends.members.importOnly')}</p>
          )}
          <AddShareholdingForm entityId={entityId} members={members.data} onAdded={members.reload} />
        </div>
      ) : null}
    </>
  );
}
