import type { BlacklistEntryView, HouseholdSummary, ProposeBlacklistBody } from '@fupin/contracts';
import {
  Button,
  CheckboxField,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  SelectField,
  StatusBadge,
  TextAreaField,
  TextField,
  useApiClient,
} from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { useVillageHouseholds } from '../common/use-village-households';
import { ChooseVillageHint, useVillage, VillageChooser } from '../common/village-chooser';
import { LEDGER } from '../points-api';

const TONE = { proposed: 'pending', active: 'error', revoked: 'neutral' } as const;

/** 红十条 黑名单: households that broke the village rules; proposed by the village, decided by the town. */
export function BlacklistPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useUser();
  const client = useApiClient();
  const [village] = useVillage();
  const list = useApiQuery(
    (c, signal) => c.get<BlacklistEntryView[]>(`${LEDGER}/villages/${village}/blacklist`, { signal }),
    [village],
    village !== '',
  );
  const households = useVillageHouseholds(village);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const byId = new Map((households.data ?? []).map((h) => [h.id, h]));
  const name = (id: string) => {
    const h = byId.get(id);
    return h ? `${h.headName} · ${h.householdNumber}` : id;
  };
  const decide = async (entry: BlacklistEntryView, decision: 'approve' | 'revoke') => {
    setBusy(entry.id);
    setMessage(null);
    try {
      await client.post(`${LEDGER}/blacklist/${entry.id}/${decision}`);
      setMessage({ tone: 'ok', text: t(`points.blacklist.${decision}d`, { name: name(entry.householdId) }) });
      list.reload();
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) });
    } finally {
      setBusy(null);
    }
  };
  const mayDecide = can(user.role, 'points.blacklist.decide');
  return (
    <div>
      <PageHeader title={t('points.blacklist.title')} description={t('points.blacklist.description')} />
      <VillageChooser />
      {message ? (
        <div>
          <Notice tone={message.tone} title={message.text} />
        </div>
      ) : null}
      {!village ? (
        <ChooseVillageHint />
      ) : list.error ? (
        <ErrorState message={errorText(list.error)} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState />
      ) : (
        <DataTable
          stackOnPhone
          caption={t('points.blacklist.caption')}
          rows={list.data}
          rowKey={(row) => row.id}
          empty={<EmptyState title={t('points.blacklist.empty')} />}
          columns={[
            {
              key: 'household',
              header: t('points.blacklist.household'),
              rowHeader: true,
              render: (row) => (
                <Link to={`/households/${row.householdId}/points`}>{name(row.householdId)}</Link>
              ),
            },
            { key: 'reason', header: t('points.blacklist.reason'), render: (row) => row.reason },
            {
              key: 'period',
              header: t('points.blacklist.period'),
              render: (row) => `${row.startsOn} – ${row.endsOn}`,
            },
            {
              key: 'blocks',
              header: t('points.blacklist.blocksRedemption'),
              render: (row) => (row.blocksRedemption ? t('adm.yes') : t('adm.no')),
            },
            {
              key: 'status',
              header: t('points.blacklist.status'),
              render: (row) => (
                <StatusBadge tone={TONE[row.status]}>
                  {t(`points.blacklist.statuses.${row.status}`)}
                </StatusBadge>
              ),
            },
            {
              key: 'actions',
              header: t('points.blacklist.actions'),
              render: (row) =>
                mayDecide && row.status !== 'revoked' ? (
                  <div className="admin-row-actions">
                    {row.status === 'proposed' ? (
                      <Button loading={busy === row.id} onClick={() => decide(row, 'approve')}>
                        {t('points.blacklist.approve')}
                      </Button>
                    ) : null}
                    <Button
                      variant="secondary"
                      loading={busy === row.id}
                      onClick={() => decide(row, 'revoke')}
                    >
                      {t('points.blacklist.revoke')}
                    </Button>
                  </div>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
      {village && can(user.role, 'points.blacklist.propose') ? (
        <ProposeForm households={households.data ?? []} onProposed={() => list.reload()} />
      ) : null}
    </div>
  );
}

function ProposeForm({
  households,
  onProposed,
}: {
  households: readonly HouseholdSummary[];
  onProposed: () => void;
}) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const today = new Date().toISOString().slice(0, 10);
  const [form, setForm] = useState({
    householdId: '',
    reason: '',
    startsOn: today,
    endsOn: '',
    blocksRedemption: false,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (!form.householdId) return setProblem(t('points.sheets.lines.pickHousehold'));
    if (!form.reason.trim()) return setProblem(t('points.blacklist.needReason'));
    if (!form.endsOn || form.endsOn < form.startsOn) return setProblem(t('points.blacklist.badDates'));
    setProblem(null);
    setBusy(true);
    const body: ProposeBlacklistBody = { ...form, reason: form.reason.trim() };
    try {
      await client.post(`${LEDGER}/blacklist`, body);
      setForm({ householdId: '', reason: '', startsOn: today, endsOn: '', blocksRedemption: false });
      setDone(true);
      onProposed();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="points-section admin-narrow"
      onSubmit={submit}
      aria-label={t('points.blacklist.propose')}
    >
      <h2>{t('points.blacklist.propose')}</h2>
      <p className="admin-muted">{t('points.blacklist.proposeHint')}</p>
      <SelectField
        label={t('points.blacklist.household')}
        value={form.householdId}
        placeholder={t('points.sheets.lines.pickHousehold')}
        options={households.map((h) => ({ value: h.id, label: `${h.headName} · ${h.householdNumber}` }))}
        onChange={(event) => setForm({ ...form, householdId: event.target.value })}
      />
      <TextAreaField
        label={t('points.blacklist.reason')}
        value={form.reason}
        maxLength={500}
        onChange={(event) => setForm({ ...form, reason: event.target.value })}
      />
      <div className="admin-form-grid">
        <TextField
          label={t('points.blacklist.startsOn')}
          type="date"
          value={form.startsOn}
          onChange={(event) => setForm({ ...form, startsOn: event.target.value })}
        />
        <TextField
          label={t('points.blacklist.endsOn')}
          type="date"
          value={form.endsOn}
          onChange={(event) => setForm({ ...form, endsOn: event.target.value })}
        />
      </div>
      <CheckboxField
        label={t('points.blacklist.blocksRedemption')}
        hint={t('points.blacklist.blocksHint')}
        checked={form.blocksRedemption}
        onChange={(event) => setForm({ ...form, blocksRedemption: event.target.checked })}
      />
      {problem ? (
        <p className="fp-field__error" role="alert">
          {problem}
        </p>
      ) : null}
      {done ? <p role="status">{t('points.blacklist.proposed')}</p> : null}
      <Button type="submit" loading={busy}>
        {t('points.blacklist.proposeAction')}
      </Button>
    </form>
  );
}
