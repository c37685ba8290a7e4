import { LABOUR_CAPACITY_LABELS, MEMBER_RELATION_LABELS, type HouseholdMemberView } from '@fupin/contracts';
import { DataTable, type DataTableColumn } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../common/language';

/** 家庭成员: the ID numbers arrive masked and stay so. */
export function HouseholdMembersTable({ members }: { members: readonly HouseholdMemberView[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  const columns: DataTableColumn<HouseholdMemberView>[] = [
    { key: 'name', header: t('households.members.name'), rowHeader: true, render: (m) => m.name },
    {
      key: 'relation',
      header: t('households.members.relation'),
      render: (m) => label(MEMBER_RELATION_LABELS[m.relation]),
    },
    {
      key: 'id',
      header: t('households.members.idNumber'),
      render: (m) => (m.idNumberMasked ? <span className="admin-mono">{m.idNumberMasked}</span> : '—'),
    },
    { key: 'birthYear', header: t('households.members.birthYear'), align: 'end', render: (m) => m.birthYear },
    {
      key: 'labour',
      header: t('households.members.labourCapacity'),
      render: (m) => label(LABOUR_CAPACITY_LABELS[m.labourCapacity]),
    },
    { key: 'disability', header: t('households.members.disability'), render: (m) => m.disability ?? '—' },
  ];
  return (
    <section className="admin-section" aria-labelledby="household-members-title">
      <h2 id="household-members-title">{t('households.members.title', { count: members.length })}</h2>
      <DataTable
        stackOnPhone
        caption={t('households.members.caption')}
        captionHidden
        columns={columns}
        rows={members}
        rowKey={(m) => m.id}
      />
    </section>
  );
}
