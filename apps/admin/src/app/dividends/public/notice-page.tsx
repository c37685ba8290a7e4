import { isApiClientError } from '@fupin/api-client';
import type { PublicNotice } from '@fupin/contracts';
import { formatFen, toFen } from '@fupin/money';
import { Button, DataTable, ErrorState, LoadingState, StatusBadge, type DataTableColumn } from '@fupin/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { QrCode } from '../../points/qr';
import { ObjectionForm } from './objection-form';
import { PUBLIC_API, PUBLIC_PAGES } from './public-api';
import { PublicLinks } from './public-links';

export const NOTICE_LINES_PER_PAGE = 50;
type Line = PublicNotice['lines'][number] & { index: number };

/**
 * One distribution's public notice (公示): each household's amount with the name masked, what is
 * kept back, the pool, period and notice window, its link in the hash chain, a QR code to this
 * page for the printed copy, and the objection form while the notice runs.
 */
export function NoticePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const [printing, setPrinting] = useState(false);
  const notice = useApiQuery(
    (client, signal) => client.get<PublicNotice>(PUBLIC_API.notice(id), { signal }),
    [id],
  );

  useEffect(() => {
    if (!printing) return;
    // Every line goes on paper, not just the page on screen; print() returns once the dialog closes.
    window.print();
    setPrinting(false);
  }, [printing]);

  if (notice.error) {
    if (isApiClientError(notice.error) && notice.error.status === 404)
      return <ErrorState message={t('divPublic.notice.notFound')} />;
    return <ErrorState message={errorText(notice.error)} onRetry={notice.reload} />;
  }
  if (!notice.data) return <LoadingState label={t('divPublic.loading')} />;
  const n = notice.data;
  const paid = n.lines.filter((l) => l.amountFen !== '0');
  const householdsFen = n.lines.reduce((sum, l) => sum + BigInt(l.amountFen), 0n);
  const open = n.objectionsOpen ?? (n.distributionStatus === 'noticed' && new Date(n.endsAt) > new Date());
  const accountName = (name: string) =>
    i18n.exists(`fundFlow.account.${name}`) ? t(`fundFlow.account.${name}`) : name;
  const pages = Math.max(1, Math.ceil(n.lines.length / NOTICE_LINES_PER_PAGE));
  const lines: Line[] = n.lines.map((line, index) => ({ ...line, index }));
  const shown = printing
    ? lines
    : lines.slice((page - 1) * NOTICE_LINES_PER_PAGE, page * NOTICE_LINES_PER_PAGE);
  const pageUrl = `${window.location.origin}${PUBLIC_PAGES.notice(n.id)}`;

  const columns: DataTableColumn<Line>[] = [
    {
      key: 'name',
      header: t('divPublic.notice.householdName'),
      rowHeader: true,
      render: (l) => l.householdName,
    },
    { key: 'village', header: t('divPublic.notice.village'), render: (l) => l.villageCode },
    {
      key: 'amount',
      header: t('divPublic.notice.amount'),
      align: 'end',
      render: (l) => formatFen(toFen(l.amountFen)),
    },
  ];

  return (
    <div className="div-public">
      <PublicLinks />
      <PageHeader
        title={n.title}
        back={<Link to={PUBLIC_PAGES.notices}>{t('divPublic.notice.back')}</Link>}
        actions={
          <Button variant="secondary" onClick={() => setPrinting(true)}>
            {t('divPublic.notice.print')}
          </Button>
        }
      />
      <article className="div-print-area div-notice">
        <h2 className="div-notice__print-title">{n.title}</h2>
        <div className="div-notice__head">
          <dl className="div-notice__facts">
            <div>
              <dt>{t('divPublic.notice.entity')}</dt>
              <dd>{n.entityName}</dd>
            </div>
            <div>
              <dt>{t('divPublic.notice.period')}</dt>
              <dd>{t('divPublic.notices.until', { from: n.periodStart, to: n.periodEnd })}</dd>
            </div>
            <div>
              <dt>{t('divPublic.notice.pool')}</dt>
              <dd className="div-money">{formatFen(toFen(n.poolFen))}</dd>
            </div>
            <div>
              <dt>{t('divPublic.notice.households')}</dt>
              <dd className="div-money">
                {formatFen(toFen(String(householdsFen)))}（
                {t('divPublic.notice.householdCount', { count: paid.length })}）
              </dd>
            </div>
            <div>
              <dt>{t('divPublic.notice.window')}</dt>
              <dd>
                {t('divPublic.notices.until', {
                  from: formatDateTime(n.publishedAt, language),
                  to: formatDateTime(n.endsAt, language),
                })}
              </dd>
            </div>
            <div>
              <dt>{t('divPublic.notice.state')}</dt>
              <dd>
                {open ? (
                  <StatusBadge tone="warning">{t('divPublic.notice.running')}</StatusBadge>
                ) : (
                  <StatusBadge tone="neutral">{t('divPublic.notice.ended')}</StatusBadge>
                )}
              </dd>
            </div>
          </dl>
          <figure className="div-notice__qr">
            <QrCode value={pageUrl} label={t('divPublic.notice.qr')} size="9rem" />
            <figcaption>{t('divPublic.notice.qrHint')}</figcaption>
          </figure>
        </div>
        <p className="div-notice__masked">{t('divPublic.notice.masked')}</p>
        <DataTable
          stackOnPhone
          caption={t('divPublic.notice.linesCaption')}
          columns={columns}
          rows={shown}
          rowKey={(l) => String(l.index)}
        />
        {!printing && pages > 1 ? (
          <nav className="div-notice__pages no-print" aria-label={t('common.pagination.label')}>
            <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('common.pagination.previous')}
            </Button>
            <span aria-live="polite">{t('divPublic.notice.pageOf', { page, pages })}</span>
            <Button variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t('common.pagination.next')}
            </Button>
          </nav>
        ) : null}
        <h3>{t('divPublic.notice.retainedCaption')}</h3>
        {n.accountParts.length ? (
          <ul className="div-notice__retained">
            {n.accountParts.map((part) => (
              <li key={part.account}>
                <span>{accountName(part.account)}</span>
                <span className="div-money">{formatFen(toFen(part.amountFen))}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('divPublic.notice.noRetained')}</p>
        )}
        <section className="div-notice__chain" aria-label={t('divPublic.notice.chain')}>
          <h3>{t('divPublic.notice.chain')}</h3>
          <p>{t('divPublic.notice.chainSeq', { seq: n.chain.seq })}</p>
          <p>
            {t('divPublic.notice.hash')}：<code className="div-hash">{n.chain.hash}</code>
          </p>
          <p>
            {t('divPublic.notice.prevHash')}：<code className="div-hash">{n.chain.prevHash}</code>
          </p>
          <p className="no-print">
            <Link to={PUBLIC_PAGES.chain}>{t('divPublic.notice.verify')}</Link>
          </p>
        </section>
      </article>
      <ObjectionForm noticeId={n.id} open={open} />
    </div>
  );
}
