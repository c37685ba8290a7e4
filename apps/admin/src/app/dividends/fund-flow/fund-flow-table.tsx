import type { FundFlowNode } from '@fupin/contracts';
import { formatFen, toFen } from '@fupin/money';
import { DataTable, EmptyState, type DataTableColumn } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { useDescribeFlow } from './fund-flow-words';

export const FLOW_PAGE_SIZE = 50;

export interface FundFlowTableProps {
  flows: readonly FundFlowNode[];
  caption: string;
  /** Show how much each account passed on (a source's tree; not a household's paths). */
  showAllocatedOn?: boolean;
}

/** Every flow of the chart as rows, indented by level, paged on screen. */
export function FundFlowTable({ flows, caption, showAllocatedOn = true }: FundFlowTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const describe = useDescribeFlow();
  const [page, setPage] = useState(1);
  const rows = flows.slice((page - 1) * FLOW_PAGE_SIZE, page * FLOW_PAGE_SIZE);
  const columns: DataTableColumn<FundFlowNode>[] = [
    {
      key: 'to',
      header: t('fundFlow.columns.to'),
      rowHeader: true,
      render: (flow) => (
        <span style={{ paddingInlineStart: `${flow.depth * 1.25}rem` }} className="fund-flow-indent">
          {describe(flow)}
        </span>
      ),
    },
    { key: 'type', header: t('fundFlow.columns.type'), render: (flow) => t(`fundFlow.type.${flow.toType}`) },
    {
      key: 'amount',
      header: t('fundFlow.columns.amount'),
      align: 'end',
      render: (flow) => formatFen(toFen(flow.amountFen)),
    },
    ...(showAllocatedOn
      ? [
          {
            key: 'allocatedOn',
            header: t('fundFlow.columns.allocatedOn'),
            align: 'end' as const,
            render: (flow: FundFlowNode) =>
              flow.toType === 'account' ? formatFen(toFen(flow.allocatedOnFen)) : '—',
          },
        ]
      : []),
    { key: 'purpose', header: t('fundFlow.columns.purpose'), render: (flow) => flow.purpose },
    {
      key: 'date',
      header: t('fundFlow.columns.date'),
      render: (flow) => formatDateTime(flow.createdAt, language),
    },
  ];
  return (
    <DataTable
      stackOnPhone
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(flow) => flow.id}
      empty={<EmptyState title={t('fundFlow.empty')} />}
      pagination={
        flows.length > FLOW_PAGE_SIZE
          ? { page, pageSize: FLOW_PAGE_SIZE, total: flows.length, onPageChange: setPage }
          : undefined
      }
    />
  );
}
