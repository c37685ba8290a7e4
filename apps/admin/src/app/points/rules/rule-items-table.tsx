import type { RuleItemView } from '@fupin/contracts';
import { DataTable } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { signedPoints } from '../points-api';

/** The bonus and deduction items of one version. */
export function RuleItemsTable({ items }: { items: readonly RuleItemView[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      stackOnPhone
      caption={t('points.rules.itemsCaption', { count: items.length })}
      rows={items}
      rowKey={(row) => row.code}
      columns={[
        {
          key: 'code',
          header: t('points.rules.item.code'),
          render: (row) => <span className="admin-mono">{row.code}</span>,
        },
        { key: 'name', header: t('points.rules.item.name'), rowHeader: true, render: (row) => row.name },
        {
          key: 'points',
          header: t('points.rules.item.points'),
          align: 'end',
          render: (row) => (
            <span className={row.points < 0 ? 'points-negative' : 'points-positive'}>
              {signedPoints(row.points)}
            </span>
          ),
        },
        {
          key: 'max',
          header: t('points.rules.item.maxPerMonth'),
          align: 'end',
          render: (row) => row.maxPerMonth,
        },
        {
          key: 'cap',
          header: t('points.rules.item.yearlyCap'),
          align: 'end',
          render: (row) => row.yearlyCap ?? t('points.rules.noCap'),
        },
      ]}
    />
  );
}
