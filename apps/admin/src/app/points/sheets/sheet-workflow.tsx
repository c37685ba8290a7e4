import { isApiClientError, newIdempotencyKey } from '@fupin/api-client';
import type { AwardSheetView } from '@fupin/contracts';
import { Notice, NumberField, useApiClient } from '@fupin/ui';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ConfirmButton } from '../../common/confirm-button';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { useErrorText } from '../../common/use-error-text';
import { LEDGER } from '../points-api';

/** The public board's address for a sheet under notice (printed on the notice, in its QR code). */
export function noticePath(token: string): string {
  return `/public/points/notices/${token}`;
}

/** Post the draft for public review: the notice lasts the days given, or the service's default. */
export function SubmitPanel({
  sheet,
  onDone,
}: {
  sheet: AwardSheetView;
  onDone: (sheet: AwardSheetView) => void;
}) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [days, setDays] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const bad = days !== null && (days < 1 || days > 30);
  const submit = async () => {
    setFailure(null);
    setBusy(true);
    try {
      onDone(
        await client.post<AwardSheetView>(
          `${LEDGER}/award-sheets/${sheet.id}/submit`,
          days === null ? {} : { noticeDays: days },
        ),
      );
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="points-section" aria-labelledby="points-submit-heading">
      <h2 id="points-submit-heading">{t('points.sheets.submit.title')}</h2>
      <p className="admin-muted">{t('points.sheets.submit.hint')}</p>
      <NumberField
        label={t('points.sheets.submit.days')}
        hint={t('points.sheets.submit.daysHint')}
        unit={t('points.sheets.submit.daysUnit')}
        value={days}
        error={bad ? t('points.sheets.submit.badDays') : undefined}
        onValueChange={setDays}
      />
      {sheet.lines.length === 0 ? <p className="admin-muted">{t('points.sheets.submit.noLines')}</p> : null}
      <ConfirmButton
        variant="primary"
        question={t('points.sheets.submit.question', { count: sheet.householdCount })}
        onConfirm={submit}
        busy={busy}
      >
        {t('points.sheets.submit.action')}
      </ConfirmButton>
      {failure ? (
        <div>
          <Notice tone="error" title={failure} />
        </div>
      ) : null}
    </section>
  );
}

/** Where the notice is posted and until when. */
export function NoticeInfo({ sheet }: { sheet: AwardSheetView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!sheet.noticeToken) return null;
  const over = sheet.noticeEndsAt !== null && new Date(sheet.noticeEndsAt).getTime() <= Date.now();
  return (
    <Notice
      tone={sheet.status === 'approved' ? 'ok' : 'warning'}
      title={
        sheet.status === 'approved'
          ? t('points.sheets.approvedTitle', { at: formatDateTime(sheet.approvedAt, language) })
          : over
            ? t('points.sheets.noticeOver')
            : t('points.sheets.noticeRunning', { end: formatDateTime(sheet.noticeEndsAt, language) })
      }
    >
      <p>
        {t('points.sheets.noticeDates', {
          start: formatDateTime(sheet.noticeStartsAt, language),
          end: formatDateTime(sheet.noticeEndsAt, language),
        })}
      </p>
      <p>
        <Link to={noticePath(sheet.noticeToken)} target="_blank" rel="noopener">
          {t('points.sheets.openNotice')}
        </Link>
      </p>
    </Notice>
  );
}

/** Approve after the notice (town or county): every household's points are posted in one entry. */
export function ApprovePanel({
  sheet,
  onDone,
}: {
  sheet: AwardSheetView;
  onDone: (sheet: AwardSheetView) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  // One key per approval attempt: a retry after a lost answer is the same request, never a second posting.
  const key = useRef(newIdempotencyKey());
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = sheet.objections.filter((o) => o.status === 'open').length;
  const approve = async () => {
    setFailure(null);
    setBusy(true);
    try {
      const approved = await client.post<AwardSheetView>(
        `${LEDGER}/award-sheets/${sheet.id}/approve`,
        undefined,
        {
          idempotencyKey: key.current,
        },
      );
      key.current = newIdempotencyKey();
      onDone(approved);
    } catch (error) {
      if (isApiClientError(error) && error.code === 'NOTICE_NOT_OVER')
        setFailure(
          t('points.sheets.approve.noticeNotOver', { end: formatDateTime(sheet.noticeEndsAt, language) }),
        );
      else if (isApiClientError(error) && error.code === 'OBJECTIONS_OPEN')
        setFailure(t('points.sheets.approve.objectionsOpen', { count: Math.max(open, 1) }));
      else setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="points-section" aria-labelledby="points-approve-heading">
      <h2 id="points-approve-heading">{t('points.sheets.approve.title')}</h2>
      <p className="admin-muted">
        {t('points.sheets.approve.hint', { count: sheet.householdCount, total: sheet.totalPoints })}
      </p>
      <ConfirmButton
        variant="primary"
        question={t('points.sheets.approve.question', {
          count: sheet.householdCount,
          total: sheet.totalPoints,
        })}
        onConfirm={approve}
        busy={busy}
      >
        {t('points.sheets.approve.action')}
      </ConfirmButton>
      {failure ? (
        <div>
          <Notice tone="error" title={t('points.sheets.approve.refused')}>
            {failure}
          </Notice>
        </div>
      ) : null}
    </section>
  );
}
