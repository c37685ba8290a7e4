import type { AwardSheetView } from '@fupin/contracts';
import {
  Button,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  TextField,
  useApiClient,
} from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { ChooseVillageHint, useVillage, VillageChooser } from '../common/village-chooser';
import { LEDGER, periodOf } from '../points-api';
import { SheetStatusBadge } from './sheet-status';

/** 月度评分表: a village's monthly sheets, newest first, and a new draft for the village committee. */
export function AwardSheetsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const user = useUser();
  const [village] = useVillage();
  const list = useApiQuery(
    (client, signal) =>
      client.get<AwardSheetView[]>(`${LEDGER}/villages/${village}/award-sheets`, { signal }),
    [village],
    village !== '',
  );
  const sheets = [...(list.data ?? [])].sort((a, b) => b.period.localeCompare(a.period));
  return (
    <div>
      <PageHeader title={t('points.sheets.title')} description={t('points.sheets.description')} />
      <VillageChooser />
      {village && can(user.role, 'points.sheets.draft') ? <NewDraftForm village={village} /> : null}
      {!village ? (
        <ChooseVillageHint />
      ) : list.error ? (
        <ErrorState message={errorText(list.error)} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState />
      ) : (
        <DataTable
          stackOnPhone
          caption={t('points.sheets.caption')}
          rows={sheets}
          rowKey={(row) => row.id}
          empty={<EmptyState title={t('points.sheets.empty')} />}
          columns={[
            {
              key: 'period',
              header: t('points.sheets.period'),
              rowHeader: true,
              render: (row) => (
                <Link to={`/points/sheets/${row.id}`}>
                  {t('points.sheets.periodText', { period: row.period })}
                </Link>
              ),
            },
            {
              key: 'status',
              header: t('points.sheets.statusLabel'),
              render: (row) => <SheetStatusBadge status={row.status} />,
            },
            {
              key: 'households',
              header: t('points.sheets.households'),
              align: 'end',
              render: (row) => row.householdCount,
            },
            {
              key: 'total',
              header: t('points.sheets.totalPoints'),
              align: 'end',
              render: (row) => row.totalPoints,
            },
            {
              key: 'notice',
              header: t('points.sheets.noticeEnds'),
              render: (row) => (row.noticeEndsAt ? formatDateTime(row.noticeEndsAt, language) : '—'),
            },
            {
              key: 'rules',
              header: t('points.sheets.ruleVersion'),
              render: (row) => t('points.rules.versionNo', { version: row.ruleSetVersion }),
            },
          ]}
        />
      )}
    </div>
  );
}

function NewDraftForm({ village }: { village: string }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [period, setPeriod] = useState(() => periodOf(new Date()));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) {
      setFailure(t('points.sheets.badPeriod'));
      return;
    }
    setBusy(true);
    try {
      const sheet = await client.post<AwardSheetView>(`${LEDGER}/award-sheets`, {
        villageCode: village,
        period,
      });
      navigate(`/points/sheets/${sheet.id}`);
    } catch (error) {
      setFailure(errorText(error));
      setBusy(false);
    }
  };
  return (
    <form
      className="admin-inline-form points-section"
      onSubmit={submit}
      aria-label={t('points.sheets.newDraft')}
    >
      <TextField
        label={t('points.sheets.period')}
        type="month"
        required
        value={period}
        hint={t('points.sheets.periodHint')}
        onChange={(event) => setPeriod(event.target.value)}
      />
      <Button type="submit" loading={busy}>
        {t('points.sheets.newDraft')}
      </Button>
      {failure ? (
        <div>
          <Notice tone="error" title={failure} />
        </div>
      ) : null}
    </form>
  );
}
