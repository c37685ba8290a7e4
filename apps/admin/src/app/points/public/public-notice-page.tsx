import type { PublicNoticeView } from '@fupin/contracts';
import { Button, DataTable, ErrorState, LoadingState, StatusBadge, useDocumentTitle } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { QrCode } from '../qr/qr-code';
import { LEDGER, signedPoints } from '../points-api';

/**
 * 积分评定公示: the public notice board of one month's sheet, for anyone without an account.
 * Printed and pinned up in the village, its QR code leads back to this page.
 */
export function PublicNoticePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const notice = useApiQuery(
    (client, signal) =>
      client.get<PublicNoticeView>(`${LEDGER}/public/notices/${encodeURIComponent(token)}`, { signal }),
    [token],
  );
  const data = notice.data;
  const title = data ? t('points.notice.title', { period: data.period }) : t('points.notice.titlePlain');
  useDocumentTitle(title);
  if (notice.error && !data) return <ErrorState message={errorText(notice.error)} onRetry={notice.reload} />;
  if (!data) return <LoadingState />;
  const over = data.noticeEndsAt !== null && new Date(data.noticeEndsAt).getTime() <= Date.now();
  const url = typeof window === 'undefined' ? '' : window.location.href.split('#')[0]!;
  const households = new Set(data.lines.map((l) => l.householdNumber)).size;
  return (
    <article className="points-notice">
      <header className="points-notice__head">
        <div>
          <h1>{title}</h1>
          <p>{t('points.notice.village', { code: data.villageCode })}</p>
          <p>
            {data.status === 'approved' ? (
              <StatusBadge tone="ok">{t('points.notice.approved')}</StatusBadge>
            ) : over ? (
              <StatusBadge tone="neutral">{t('points.notice.ended')}</StatusBadge>
            ) : (
              <StatusBadge tone="pending">{t('points.notice.running')}</StatusBadge>
            )}
          </p>
          <p className="points-notice__dates">
            {t('points.notice.dates', {
              start: formatDateTime(data.noticeStartsAt, language),
              end: formatDateTime(data.noticeEndsAt, language),
            })}
          </p>
          {data.monthlyBase > 0 ? <p>{t('points.notice.base', { count: data.monthlyBase })}</p> : null}
          <p>{t('points.notice.summary', { households, lines: data.lines.length })}</p>
        </div>
        {url ? (
          <figure className="points-notice__qr">
            <QrCode value={url} label={t('points.notice.qrLabel')} size="9rem" />
            <figcaption>{t('points.notice.qrCaption')}</figcaption>
          </figure>
        ) : null}
      </header>
      <DataTable
        caption={t('points.notice.caption')}
        rows={data.lines}
        rowKey={(row) => row.lineId}
        columns={[
          {
            key: 'number',
            header: t('points.notice.householdNumber'),
            render: (row) => <span className="admin-mono">{row.householdNumber}</span>,
          },
          { key: 'name', header: t('points.notice.head'), rowHeader: true, render: (row) => row.headName },
          { key: 'item', header: t('points.notice.item'), render: (row) => row.itemName },
          { key: 'count', header: t('points.notice.count'), align: 'end', render: (row) => row.count },
          {
            key: 'points',
            header: t('points.notice.points'),
            align: 'end',
            render: (row) => signedPoints(row.points),
          },
        ]}
      />
      <section className="points-notice__object" aria-labelledby="points-notice-object">
        <h2 id="points-notice-object">{t('points.notice.howToObject')}</h2>
        <p>{t('points.notice.objectText', { end: formatDateTime(data.noticeEndsAt, language) })}</p>
        <p>{t('points.notice.openObjections', { count: data.openObjections })}</p>
      </section>
      <div className="points-no-print admin-form-buttons">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('points.notice.print')}
        </Button>
      </div>
    </article>
  );
}
