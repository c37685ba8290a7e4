import type { ImportRejection } from '@fupin/contracts';
import { DataTable, type DataTableColumn } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { localiseServerText, useLanguage } from '../common/language';

/** Every problem the registry found, by sheet row and column, in the reader's language. */
export function ImportRejectionTable({ rejected }: { rejected: readonly ImportRejection[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: DataTableColumn<ImportRejection>[] = [
    {
      key: 'row',
      header: t('households.import.rejected.row'),
      rowHeader: true,
      align: 'end',
      render: (r) => r.row,
    },
    {
      key: 'column',
      header: t('households.import.rejected.column'),
      render: (r) => r.column ?? t('households.import.rejected.wholeRow'),
    },
    // Some reasons quote a contract message written “中文 / English” in both languages.
    {
      key: 'reason',
      header: t('households.import.rejected.reason'),
      render: (r) => localiseServerText(r.reason[language], language),
    },
  ];
  return (
    <DataTable
      stackOnPhone
      caption={t('households.import.rejected.caption', { count: rejected.length })}
      columns={columns}
      rows={rejected}
      rowKey={(r) => `${r.row}-${r.column ?? ''}-${r.reason['zh-CN']}`}
    />
  );
}
