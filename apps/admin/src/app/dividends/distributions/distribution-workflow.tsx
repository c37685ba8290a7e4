import { newIdempotencyKey } from '@fupin/api-client';
import { approveDistributionBodySchema, type Role } from '@fupin/contracts';
import { Button, Notice, NumberField, TextAreaField, TextField, useApiClient } from '@fupin/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { ConfirmButton } from '../../common/confirm-button';
import { DetailList } from '../../common/detail-list';
import { fieldProblem } from '../../common/field-check';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { useErrorText } from '../../common/use-error-text';
import { DIVIDENDS, today, type Distribution } from '../dividends-api';

interface StepProps {
  distribution: Distribution;
  /** The reader's role: what they may do next. */
  role: Role;
  /** The distribution as the service answered the last command. */
  onChanged: (next: Distribution) => void;
}

/** True once `iso` has passed; re-renders at that moment, so a button opens when the notice ends. */
export function usePassed(iso: string | undefined): boolean {
  const [now, setNow] = useState(() => Date.now());
  const at = iso ? new Date(iso).getTime() : Number.NaN;
  useEffect(() => {
    if (Number.isNaN(at) || at <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(at - now + 250, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [at, now]);
  return !Number.isNaN(at) && at <= now;
}

/** A command's outcome as plain words (the service's error codes become sentences). */
function useCommand() {
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (command: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await command();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}

/** What can be done next: notice → objections → approval (四议两公开) → revoke or post. */
export function DistributionWorkflow({ distribution, role, onChanged }: StepProps) {
  switch (distribution.status) {
    case 'dry_run':
      return <NoticeStep distribution={distribution} role={role} onChanged={onChanged} />;
    case 'noticed':
      return (
        <>
          <NoticeInfo distribution={distribution} />
          <Objections distribution={distribution} role={role} onChanged={onChanged} />
          <ApprovalStep distribution={distribution} role={role} onChanged={onChanged} />
        </>
      );
    case 'approved':
      return (
        <>
          <NoticeInfo distribution={distribution} />
          <ApprovedStep distribution={distribution} role={role} onChanged={onChanged} />
        </>
      );
    default:
      return <NoticeInfo distribution={distribution} />;
  }
}

function NoticeStep({ distribution, role, onChanged }: StepProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const navigate = useNavigate();
  const [days, setDays] = useState<number | null>(10);
  const { busy, failure, run } = useCommand();
  if (!can(role, 'dividends.write')) return null;
  const tooShort = days === null || days < 10 || days > 60;
  return (
    <section className="admin-section" aria-labelledby="notice-step">
      <h2 id="notice-step">{t('dividends.notice.title')}</h2>
      <p className="admin-muted">{t('dividends.notice.hint')}</p>
      <NumberField
        label={t('dividends.notice.days')}
        hint={t('dividends.notice.daysHint')}
        unit={t('dividends.notice.dayUnit')}
        value={days}
        error={tooShort ? t('dividends.notice.daysHint') : undefined}
        onValueChange={setDays}
      />
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div className="admin-form-buttons">
        <ConfirmButton
          variant="primary"
          busy={busy}
          question={t('dividends.notice.confirm', { days: days ?? 10 })}
          onConfirm={() =>
            run(async () => {
              if (tooShort) return;
              onChanged(
                await client.post<Distribution>(`${DIVIDENDS}/distributions/${distribution.id}/notice`, {
                  days,
                }),
              );
            })
          }
        >
          {t('dividends.notice.publish')}
        </ConfirmButton>
        <ConfirmButton
          variant="danger"
          question={t('dividends.notice.discardQuestion')}
          onConfirm={() =>
            run(async () => {
              await client.delete(`${DIVIDENDS}/distributions/${distribution.id}`);
              navigate(`/dividends/entities/${distribution.entityId}/distributions`);
            })
          }
        >
          {t('dividends.notice.discard')}
        </ConfirmButton>
      </div>
    </section>
  );
}

function NoticeInfo({ distribution: d }: { distribution: Distribution }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const over = usePassed(d.notice?.endsAt);
  if (!d.notice) return null;
  return (
    <section className="admin-section" aria-labelledby="notice-info">
      <h2 id="notice-info">{t('dividends.notice.info')}</h2>
      <DetailList
        items={[
          {
            key: 'from',
            label: t('dividends.notice.publishedAt'),
            value: formatDateTime(d.notice.publishedAt, language),
          },
          {
            key: 'to',
            label: t('dividends.notice.endsAt'),
            value: formatDateTime(d.notice.endsAt, language),
          },
          {
            key: 'state',
            label: t('dividends.notice.state'),
            value: t(over ? 'dividends.notice.over' : 'dividends.notice.running'),
          },
          ...(d.approval
            ? [
                { key: 'meeting', label: t('dividends.approval.meetingDate'), value: d.approval.meetingDate },
                {
                  key: 'attendees',
                  label: t('dividends.approval.attendees'),
                  value: d.approval.attendeesCount,
                },
                {
                  key: 'minutes',
                  label: t('dividends.approval.minutes'),
                  value: d.approval.minutesReference,
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}

function Objections({ distribution: d, role, onChanged }: StepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useApiClient();
  const [raisedBy, setRaisedBy] = useState('');
  const [text, setText] = useState('');
  const [resolutions, setResolutions] = useState<Record<string, string>>({});
  const { busy, failure, run } = useCommand();
  const record = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      onChanged(
        await client.post<Distribution>(`${DIVIDENDS}/distributions/${d.id}/objections`, { raisedBy, text }),
      );
      setRaisedBy('');
      setText('');
    });
  };
  const mayResolve = can(role, 'dividends.approve');
  return (
    <section className="admin-section" aria-labelledby="objections">
      <h2 id="objections">{t('dividends.objections.title', { count: d.objections.length })}</h2>
      {d.objections.length === 0 ? <p className="admin-muted">{t('dividends.objections.none')}</p> : null}
      <ul className="admin-timeline">
        {d.objections.map((o) => (
          <li key={o.id} className="admin-timeline__entry">
            <p>
              <strong>{o.raisedBy}</strong> · {formatDateTime(o.recordedAt, language)}
            </p>
            <p>{o.text}</p>
            {o.resolvedAt ? (
              <p className="admin-muted">
                {t('dividends.objections.resolved', {
                  text: o.resolution,
                  at: formatDateTime(o.resolvedAt, language),
                })}
              </p>
            ) : mayResolve ? (
              <div className="admin-inline-form">
                <TextField
                  label={t('dividends.objections.resolution')}
                  value={resolutions[o.id] ?? ''}
                  onChange={(e) => setResolutions((r) => ({ ...r, [o.id]: e.target.value }))}
                />
                <Button
                  variant="secondary"
                  loading={busy}
                  disabled={(resolutions[o.id] ?? '').trim().length < 2}
                  onClick={() =>
                    run(async () =>
                      onChanged(
                        await client.post<Distribution>(
                          `${DIVIDENDS}/distributions/${d.id}/objections/${o.id}/resolution`,
                          { resolution: resolutions[o.id] },
                        ),
                      ),
                    )
                  }
                >
                  {t('dividends.objections.resolve')}
                </Button>
              </div>
            ) : (
              <p className="admin-muted">{t('dividends.objections.open')}</p>
            )}
          </li>
        ))}
      </ul>
      {failure ? <Notice tone="error" title={failure} /> : null}
      {can(role, 'dividends.write') ? (
        <form onSubmit={record} aria-labelledby="objection-new">
          <h3 id="objection-new">{t('dividends.objections.record')}</h3>
          <TextField
            label={t('dividends.objections.raisedBy')}
            required
            maxLength={40}
            value={raisedBy}
            onChange={(e) => setRaisedBy(e.target.value)}
          />
          <TextAreaField
            label={t('dividends.objections.text')}
            required
            maxLength={1000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <div className="admin-form-buttons">
            <Button
              type="submit"
              variant="secondary"
              loading={busy}
              disabled={!raisedBy.trim() || text.trim().length < 2}
            >
              {t('dividends.objections.save')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function ApprovalStep({ distribution: d, role, onChanged }: StepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useApiClient();
  const over = usePassed(d.notice?.endsAt);
  const [meetingDate, setMeetingDate] = useState(today());
  const [attendees, setAttendees] = useState<number | null>(null);
  const [minutes, setMinutes] = useState('');
  const [tried, setTried] = useState(false);
  const [key, setKey] = useState(() => newIdempotencyKey());
  const { busy, failure, run } = useCommand();
  if (!can(role, 'dividends.approve')) {
    return (
      <section className="admin-section" aria-labelledby="approval">
        <h2 id="approval">{t('dividends.approval.title')}</h2>
        <p className="admin-muted">{t('dividends.approval.notYours')}</p>
      </section>
    );
  }
  const open = d.objections.filter((o) => !o.resolvedAt).length;
  const body = { meetingDate, attendeesCount: attendees, minutesReference: minutes };
  const problem = tried ? fieldProblem(approveDistributionBodySchema, body, language) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!approveDistributionBodySchema.safeParse(body).success) return;
    void run(async () => {
      onChanged(
        await client.post<Distribution>(`${DIVIDENDS}/distributions/${d.id}/approval`, body, {
          idempotencyKey: key,
        }),
      );
      setKey(newIdempotencyKey());
    });
  };
  return (
    <form className="admin-section" onSubmit={submit} aria-labelledby="approval" noValidate>
      <h2 id="approval">{t('dividends.approval.title')}</h2>
      <p className="admin-muted">{t('dividends.approval.hint')}</p>
      {!over ? <Notice tone="warning" title={t('dividends.approval.waitNotice')} /> : null}
      {open ? (
        <Notice tone="warning" title={t('dividends.approval.openObjections', { count: open })} />
      ) : null}
      <div className="admin-form-grid">
        <TextField
          label={t('dividends.approval.meetingDate')}
          type="date"
          required
          value={meetingDate}
          onChange={(e) => setMeetingDate(e.target.value)}
        />
        <NumberField
          label={t('dividends.approval.attendees')}
          required
          value={attendees}
          onValueChange={setAttendees}
        />
        <TextField
          label={t('dividends.approval.minutes')}
          hint={t('dividends.approval.minutesHint')}
          required
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </div>
      {problem ? <Notice tone="error" title={problem} /> : null}
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div className="admin-form-buttons">
        <Button type="submit" loading={busy} disabled={!over || open > 0}>
          {t('dividends.approval.approve')}
        </Button>
      </div>
    </form>
  );
}

function ApprovedStep({ distribution: d, role, onChanged }: StepProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const [reason, setReason] = useState('');
  const [key] = useState(() => newIdempotencyKey());
  const { busy, failure, run } = useCommand();
  return (
    <section className="admin-section" aria-labelledby="posting">
      <h2 id="posting">{t('dividends.posting.title')}</h2>
      <p className="admin-muted">{t('dividends.posting.hint')}</p>
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div className="admin-form-buttons">
        {can(role, 'dividends.write') ? (
          <ConfirmButton
            variant="primary"
            busy={busy}
            question={t('dividends.posting.confirm')}
            onConfirm={() =>
              run(async () => {
                const result = await client.post<{ distribution: Distribution; batchId: string }>(
                  `${DIVIDENDS}/distributions/${d.id}/posting`,
                  {},
                  { idempotencyKey: key, timeoutMs: 120_000 },
                );
                onChanged(result.distribution);
              })
            }
          >
            {t('dividends.posting.post')}
          </ConfirmButton>
        ) : null}
      </div>
      {can(role, 'dividends.approve') ? (
        <div className="admin-inline-form">
          <TextField
            label={t('dividends.revoke.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {reason.trim().length < 2 ? (
            <Button variant="danger" disabled>
              {t('dividends.revoke.revoke')}
            </Button>
          ) : (
            <ConfirmButton
              variant="danger"
              busy={busy}
              question={t('dividends.revoke.confirm')}
              onConfirm={() =>
                run(async () =>
                  onChanged(
                    await client.post<Distribution>(
                      `${DIVIDENDS}/distributions/${d.id}/approval/revocation`,
                      {
                        reason,
                      },
                    ),
                  ),
                )
              }
            >
              {t('dividends.revoke.revoke')}
            </ConfirmButton>
          )}
        </div>
      ) : null}
    </section>
  );
}
