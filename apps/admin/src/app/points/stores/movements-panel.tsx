import type { GoodsView, StockMovementView } from '@fupin/contracts';
import { DataTable, EmptyState, ErrorState, LoadingState } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { LEDGER } from '../points-api';

const PAGE_SIZE = 50;

/** 出入库记录: the latest 500 stock movements, newest first, paged here. */
export function MovementsPanel({ storeId, goods }: { storeId: string; goods: readonly GoodsView[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const movements = useApiQuery(
    (client, signal) =>
      client.get<StockMovementView[]>(`${LEDGER}/stores/${storeId}/stock-movements`, { signal }),
    [storeId],
  );
  const names = new Map(goods.map((g) => [g.id, `${g.name}（${g.unit}）`]));
  if (movements.error) return <ErrorState message={errorText(movements.error)} onRetry={movements.reload} />;
  if (!movements.data) return <LoadingState />;
  const rows = movements.data.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <DataTable
      stackOnPhone
      caption={t('points.movements.caption')}
      rows={rows}
      rowKey={(row) => row.id}
      empty={<EmptyState title={t('points.movements.empty')} />}
      pagination={{ page, pageSize: PAGE_SIZE, total: movements.data.length, onPageChange: setPage }}
      columns={[
        {
          key: 'at',
          header: t('points.movements.at'),
          render: (row) => formatDateTime(row.occurredAt, language),
        },
        {
          key: 'goods',
          header: t('points.movements.goods'),
          rowHeader: true,
          render: (row) => names.get(row.goodsId) ?? row.goodsId,
        },
        {
          key: 'kind',
          header: t('points.movements.kind'),
          render: (row) => t(`points.movements.kinds.${row.kind}`),
        },
        {
          key: 'delta',
          header: t('points.movements.delta'),
          align: 'end',
          render: (row) =>
            row.quantityDelta > 0 ? `+${row.quantityDelta}` : `−${Math.abs(row.quantityDelta)}`,
        },
        { key: 'reason', header: t('points.movements.reason'), render: (row) => row.reason ?? '—' },
      ]}
    />
  );
}
