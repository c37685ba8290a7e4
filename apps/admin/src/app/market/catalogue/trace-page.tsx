import type { TraceView } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import { DataTable, ErrorState, LoadingState, type DataTableColumn } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { MARKET } from '../market-api';
import { gramsToKg } from '../market-units';

type Grower = TraceView['lots'][number]['households'][number];

/** 溯源 (public, no sign-in): which villages and households grew what is in the box, and what they were paid. */
export function TracePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const { code = '' } = useParams();
  const trace = useApiQuery(
    (client, signal) => client.get<TraceView>(`${MARKET}/trace/${encodeURIComponent(code)}`, { signal }),
    [code],
  );
  const columns: DataTableColumn<Grower>[] = [
    { key: 'head', header: t('market.trace.head'), rowHeader: true, render: (row) => row.headName },
    { key: 'village', header: t('market.trace.village'), render: (row) => row.villageCode },
    {
      key: 'weight',
      header: t('market.trace.weight'),
      align: 'end',
      render: (row) => `${gramsToKg(row.weightGrams)} kg`,
    },
    {
      key: 'paid',
      header: t('market.trace.paid'),
      align: 'end',
      render: (row) => t('market.perKg', { price: formatFen(row.paidFenPerKg) }),
    },
  ];
  return (
    <div>
      <PageHeader title={t('market.trace.title')} description={t('market.trace.description', { code })} />
      {trace.error ? (
        <ErrorState message={errorText(trace.error)} onRetry={trace.reload} />
      ) : !trace.data ? (
        <LoadingState label={t('market.loading')} />
      ) : (
        <>
          {trace.data.product ? (
            <p className="admin-total">
              {t('market.trace.product', {
                name: trace.data.product.name,
                price: formatFen(trace.data.product.retailPriceFen),
              })}
            </p>
          ) : null}
          {trace.data.lots.map((lot) => (
            <section key={lot.traceCode} className="admin-section">
              <h2>
                {t('market.trace.lot', {
                  code: lot.traceCode,
                  produce: lot.produce,
                  grade: t(`market.grades.${lot.grade}`),
                  time: formatDateTime(lot.collectedAt, language),
                })}
              </h2>
              <DataTable
                stackOnPhone
                caption={t('market.trace.growers')}
                captionHidden
                columns={columns}
                rows={lot.households}
                rowKey={(row) => `${row.villageCode}-${row.headName}-${row.weightGrams}`}
              />
            </section>
          ))}
        </>
      )}
    </div>
  );
}
