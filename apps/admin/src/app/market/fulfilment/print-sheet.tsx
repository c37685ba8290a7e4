import { Button, ErrorState, LoadingState, SelectField } from '@fupin/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../common/page-header';
import type { ApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import '../market.css';

export interface PrintSheetProps<T> {
  title: string;
  description: string;
  query: ApiQuery<T>;
  status: string;
  statuses: readonly string[];
  onStatus: (status: string) => void;
  children: (data: T) => ReactNode;
}

/** An A4 list for the warehouse: a status choice, a print button, and the sheet that alone is printed. */
export function PrintSheet<T>({
  title,
  description,
  query,
  status,
  statuses,
  onStatus,
  children,
}: PrintSheetProps<T>) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div>
      <PageHeader
        title={title}
        description={description}
        back={<Link to="/market/fulfilment">{t('market.fulfilment.back')}</Link>}
        actions={
          <Button disabled={!query.data} onClick={() => window.print()}>
            {t('market.sheet.print')}
          </Button>
        }
      />
      <div className="admin-filters market-no-print">
        <div className="admin-filters__row">
          <SelectField
            label={t('market.sheet.which')}
            value={status}
            options={statuses.map((value) => ({ value, label: t(`market.sheet.status.${value}`) }))}
            onChange={(event) => onStatus(event.target.value)}
          />
        </div>
      </div>
      {query.error ? (
        <ErrorState message={errorText(query.error)} onRetry={query.reload} />
      ) : !query.data ? (
        <LoadingState label={t('market.loading')} />
      ) : (
        <div className="market-print-area market-sheet">{children(query.data)}</div>
      )}
    </div>
  );
}
