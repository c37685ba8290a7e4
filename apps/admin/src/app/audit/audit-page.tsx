import type { AuditEntryView, Paginated } from '@fupin/contracts';
import {
  Button,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  TextField,
  type DataTableColumn,
} from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../common/format';
import { useLanguage } from '../common/language';
import { PageHeader } from '../common/page-header';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { actorRoleText } from '../households/history-values';

const PAGE_SIZE = 20;
const FILTERS = ['action', 'actorId', 'targetType', 'targetId', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 审计日志: every write and every sensitive read, newest first (county administrators and auditors). */
export function AuditPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const [search, setSearch] = useSearchParams();
  const current = Object.fromEntries(FILTERS.map((key) => [key, search.get(key) ?? ''])) as Record<
    Filter,
    string
  >;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const [draft, setDraft] = useState(current);
  const [dateError, setDateError] = useState<Partial<Record<Filter, string>>>({});
  const query = {
    ...Object.fromEntries(FILTERS.map((key) => [key, current[key] || undefined])),
    page,
    pageSize: PAGE_SIZE,
  };
  const log = useApiQuery(
    (client, signal) => client.get<Paginated<AuditEntryView>>('/api/registry/audit', { query, signal }),
    [JSON.stringify(query)],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Partial<Record<Filter, string>> = {};
    for (const key of ['from', 'to'] as const)
      if (draft[key] && !DATE.test(draft[key])) errors[key] = t('audit.dateInvalid');
    setDateError(errors);
    if (Object.keys(errors).length > 0) return;
    const next = new URLSearchParams();
    for (const key of FILTERS) if (draft[key].trim()) next.set(key, draft[key].trim());
    setSearch(next);
  };
  const columns: DataTableColumn<AuditEntryView>[] = [
    {
      key: 'time',
      header: t('audit.columns.time'),
      rowHeader: true,
      render: (e) => <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt, language)}</time>,
    },
    {
      key: 'actor',
      header: t('audit.columns.actor'),
      render: (e) => (
        <span>
          {actorRoleText(e.role, t, language)}
          <br />
          <span className="admin-mono admin-muted">{e.actorId}</span>
        </span>
      ),
    },
    {
      key: 'action',
      header: t('audit.columns.action'),
      render: (e) => <span className="admin-mono">{e.action}</span>,
    },
    {
      key: 'target',
      header: t('audit.columns.target'),
      render: (e) => <span className="admin-mono">{`${e.targetType} ${e.targetId}`}</span>,
    },
    {
      key: 'details',
      header: t('audit.columns.details'),
      render: (e) => <code className="admin-audit-details">{JSON.stringify(e.details)}</code>,
    },
    { key: 'ip', header: t('audit.columns.ip'), render: (e) => e.ip ?? '—' },
  ];
  const field = (key: Filter, hint?: string, type = 'text') => (
    <TextField
      label={t(`audit.filters.${key}`)}
      hint={hint}
      type={type}
      value={draft[key]}
      error={dateError[key]}
      onChange={(event) => setDraft((values) => ({ ...values, [key]: event.target.value }))}
    />
  );
  return (
    <div className="admin-audit">
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <form className="admin-filters" role="search" aria-label={t('audit.filtersLabel')} onSubmit={submit}>
        <div className="admin-filters__row">
          {field('action', t('audit.filters.actionHint'))}
          {field('actorId')}
          {field('targetType', t('audit.filters.targetTypeHint'))}
          {field('targetId')}
          {field('from', undefined, 'date')}
          {field('to', undefined, 'date')}
        </div>
        <div className="admin-form-buttons">
          <Button type="submit">{t('adm.search')}</Button>
          <Button
            variant="ghost"
            onClick={() => {
              setDraft(Object.fromEntries(FILTERS.map((key) => [key, ''])) as Record<Filter, string>);
              setSearch(new URLSearchParams());
            }}
          >
            {t('adm.clearFilters')}
          </Button>
        </div>
      </form>
      {log.error ? (
        <ErrorState message={errorText(log.error)} onRetry={log.reload} />
      ) : !log.data ? (
        <LoadingState />
      ) : (
        <>
          <p className="admin-total" role="status">
            {t('audit.total', { count: log.data.total })}
          </p>
          <DataTable
            stackOnPhone
            caption={t('audit.title')}
            captionHidden
            columns={columns}
            rows={log.data.items}
            rowKey={(e) => String(e.id)}
            empty={<EmptyState title={t('audit.empty')} />}
            pagination={{
              page,
              pageSize: PAGE_SIZE,
              total: log.data.total,
              onPageChange: (next) => {
                const params = new URLSearchParams(search);
                params.set('page', String(next));
                setSearch(params);
              },
            }}
          />
        </>
      )}
    </div>
  );
}
