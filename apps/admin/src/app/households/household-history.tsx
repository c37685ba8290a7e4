import type { HouseholdHistoryEntry, Paginated } from '@fupin/contracts';
import { ErrorState, LoadingState, Pagination } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format';
import { useLanguage } from '../common/language';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { actorRoleText, historyValue } from './history-values';

const PAGE_SIZE = 20;

interface HouseholdHistoryProps {
  householdId: string;
  /** Changes whenever the household was changed from this page, so the timeline reloads. */
  refreshKey: string | number;
}

/** 变更记录: who changed what, when, with which role and why; newest first. */
export function HouseholdHistory({ householdId, refreshKey }: HouseholdHistoryProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const history = useApiQuery(
    (client, signal) =>
      client.get<Paginated<HouseholdHistoryEntry>>(`/api/registry/households/${householdId}/history`, {
        query: { page, pageSize: PAGE_SIZE },
        signal,
      }),
    [householdId, page, refreshKey],
  );
  return (
    <section className="admin-section" aria-labelledby="household-history-title">
      <h2 id="household-history-title">{t('households.history.title')}</h2>
      {history.error ? (
        <ErrorState message={errorText(history.error)} onRetry={history.reload} />
      ) : !history.data ? (
        <LoadingState />
      ) : (
        <>
          <ol className="admin-timeline" aria-label={t('households.history.title')}>
            {history.data.items.map((entry) => (
              <HistoryEntry key={entry.id} entry={entry} />
            ))}
          </ol>
          {history.data.total > PAGE_SIZE ? (
            <Pagination page={page} pageSize={PAGE_SIZE} total={history.data.total} onPageChange={setPage} />
          ) : null}
        </>
      )}
    </section>
  );
}

function HistoryEntry({ entry }: { entry: HouseholdHistoryEntry }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const who =
    entry.actorRole === 'system'
      ? t('households.history.systemActor', { job: entry.actorId.replace(/^system:/, '') })
      : t('households.history.by', {
          name: entry.actorName ?? entry.actorId,
          role: actorRoleText(entry.actorRole, t, language),
        });
  const fields = Object.entries(entry.changes);
  return (
    <li className="admin-timeline__entry">
      <div className="admin-timeline__head">
        <strong className="admin-timeline__change">
          {t(`households.history.changes.${entry.change}`, { defaultValue: entry.change })}
        </strong>
        <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, language)}</time>
      </div>
      <p className="admin-timeline__who">{who}</p>
      {entry.reason ? (
        <p className="admin-timeline__reason">{t('households.history.reason', { reason: entry.reason })}</p>
      ) : null}
      {fields.length > 0 ? (
        <ul className="admin-timeline__fields">
          {fields.map(([field, change]) => (
            <li key={field}>
              <span className="admin-timeline__field">
                {t(`households.history.fields.${field}`, { defaultValue: field })}：
              </span>
              {change.from === null || change.from === undefined ? (
                historyValue(field, change.to, t, language)
              ) : (
                <>
                  {historyValue(field, change.from, t, language)} <span aria-hidden="true">→</span>{' '}
                  <span className="fp-visually-hidden">{t('households.history.to')}</span>{' '}
                  {historyValue(field, change.to, t, language)}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
