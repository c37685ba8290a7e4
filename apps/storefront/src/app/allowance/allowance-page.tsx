import type { AllowanceView } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import { EmptyState, ErrorState, LoadingState, Pagination, useDocumentTitle } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatDateTime } from '../common/format';
import { useLanguage } from '../common/language';
import { MARKET } from '../common/market-api';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { ImpactPanel } from './impact-panel';

const PAGE_SIZE = 20;

/** This year's welfare allowance: what is left, what was granted, every spend and return. */
export function AllowancePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const allowance = useApiQuery(
    (client, signal) => client.get<AllowanceView>(`${MARKET}/allowance`, { signal }),
    [],
  );
  useDocumentTitle(`${t('storefront.allowance.title')} · ${t('storefront.name')}`);

  let body;
  if (allowance.error && !allowance.data)
    body = <ErrorState message={errorText(allowance.error)} onRetry={allowance.reload} />;
  else if (!allowance.data) body = <LoadingState label={t('storefront.allowance.loading')} />;
  else {
    const a = allowance.data;
    const entries = [...a.entries].sort((x, y) => y.at.localeCompare(x.at));
    body = (
      <>
        <dl className="sf-balance" data-testid="allowance-summary">
          <div>
            <dt>{t('storefront.allowance.balance', { year: a.year })}</dt>
            <dd data-amount="balance">{formatFen(a.balanceFen)}</dd>
          </div>
          <div>
            <dt>{t('storefront.allowance.granted')}</dt>
            <dd data-amount="granted">{formatFen(a.grantedFen)}</dd>
          </div>
          <div>
            <dt>{t('storefront.allowance.expires')}</dt>
            <dd>{formatDate(a.expiresAt, language)}</dd>
          </div>
        </dl>
        <section className="sf-panel" aria-labelledby="sf-ledger-title">
          <h2 id="sf-ledger-title">{t('storefront.allowance.ledger')}</h2>
          {entries.length === 0 ? (
            <EmptyState title={t('storefront.allowance.noEntries')} />
          ) : (
            <>
              <ul className="sf-ledger">
                {entries.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((entry, index) => (
                  <li
                    key={`${entry.at}-${index}`}
                    className={`sf-ledger__entry sf-ledger__entry--${entry.kind}`}
                  >
                    <span className="sf-ledger__kind">{t(`storefront.allowance.kind.${entry.kind}`)}</span>
                    <span className="sf-ledger__amount">
                      {entry.kind === 'spend' ? '−' : '+'}
                      {formatFen(entry.amountFen)}
                    </span>
                    <span className="sf-ledger__time">{formatDateTime(entry.at, language)}</span>
                    {entry.orderId ? (
                      <Link to={`/orders/${entry.orderId}`}>{t('storefront.allowance.order')}</Link>
                    ) : (
                      <span />
                    )}
                  </li>
                ))}
              </ul>
              {entries.length > PAGE_SIZE ? (
                <Pagination page={page} pageSize={PAGE_SIZE} total={entries.length} onPageChange={setPage} />
              ) : null}
            </>
          )}
        </section>
      </>
    );
  }
  return (
    <div className="sf-allowance">
      <h1>{t('storefront.allowance.title')}</h1>
      {body}
      <ImpactPanel />
    </div>
  );
}
