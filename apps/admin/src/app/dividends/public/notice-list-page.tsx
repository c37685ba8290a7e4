import type { PublicNoticeSummary } from '@fupin/contracts';
import { formatFen, toFen } from '@fupin/money';
import {
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  StatusBadge,
  type DataTableColumn,
} from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { PUBLIC_API, PUBLIC_PAGES } from './public-api';
import { PublicLinks } from './public-links';

const PAGE_SIZE = 20;

/** 分红公示栏: every published notice, newest first; open for anyone. */
export function NoticeListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const list = useApiQuery(
    (client, signal) => client.get<PublicNoticeSummary[]>(PUBLIC_API.notices, { signal }),
    [],
  );
  const now = Date.now();
  const columns: DataTableColumn<PublicNoticeSummary>[] = [
    {
      key: 'title',
      header: t('divPublic.notices.columns.title'),
      rowHeader: true,
      render: (n) => <Link to={PUBLIC_PAGES.notice(n.id)}>{n.title}</Link>,
    },
    { key: 'entity', header: t('divPublic.notices.columns.entity'), render: (n) => n.entityName },
    {
      key: 'pool',
      header: t('divPublic.notices.columns.pool'),
      align: 'end',
      render: (n) => formatFen(toFen(n.poolFen)),
    },
    {
      key: 'window',
      header: t('divPublic.notices.columns.window'),
      render: (n) =>
        t('divPublic.notices.until', {
          from: formatDateTime(n.publishedAt, language),
          to: formatDateTime(n.endsAt, language),
        }),
    },
    {
      key: 'state',
      header: t('divPublic.notices.columns.state'),
      render: (n) =>
        new Date(n.endsAt).getTime() > now ? (
          <StatusBadge tone="warning">{t('divPublic.notices.running')}</StatusBadge>
        ) : (
          <StatusBadge tone="neutral">{t('divPublic.notices.ended')}</StatusBadge>
        ),
    },
    { key: 'seq', header: t('divPublic.notices.columns.seq'), align: 'end', render: (n) => n.chainSeq },
  ];
  return (
    <div className="div-public">
      <PublicLinks />
      <PageHeader title={t('divPublic.notices.title')} description={t('divPublic.notices.description')} />
      {list.error ? (
        <ErrorState message={errorText(list.error)} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState label={t('divPublic.loading')} />
      ) : (
        <DataTable
          stackOnPhone
          caption={t('divPublic.notices.caption')}
          captionHidden
          columns={columns}
          rows={list.data.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
          rowKey={(n) => n.id}
          empty={
            <EmptyState title={t('divPublic.notices.empty')} description={t('divPublic.notices.emptyHint')} />
          }
          pagination={
            list.data.length > PAGE_SIZE
              ? { page, pageSize: PAGE_SIZE, total: list.data.length, onPageChange: setPage }
              : undefined
          }
        />
      )}
    </div>
  );
}
