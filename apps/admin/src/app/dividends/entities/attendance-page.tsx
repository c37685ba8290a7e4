import type { AttendanceRecord, Role } from '@fupin/contracts';
import {
  Button,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  TextField,
  useApiClient,
  type DataTableColumn,
} from '@fupin/ui';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { useErrorText } from '../../common/use-error-text';
import {
  ATTENDANCE_PAGE_SIZE,
  csvBlob,
  DIVIDENDS,
  isMonth,
  loadAllAttendance,
  monthRange,
  parseCsv,
  readText,
  saveFile,
  today,
  useMembers,
  useRecordedAttendance,
  type EntityMember,
} from '../dividends-api';
import { EntityFrame } from './entity-frame';

/** Reads an attendance sheet (户编号, 出勤天数) against the members; every bad row is named. */
export function readAttendanceSheet(
  rows: string[][],
  members: readonly EntityMember[],
): { days: Record<string, string>; problems: Array<{ row: number; text: string }> } {
  const [header = [], ...data] = rows;
  const numberAt = header.findIndex((h) => h === '户编号' || h === 'householdNumber');
  const daysAt = header.findIndex((h) => h === '出勤天数' || h === 'daysWorked');
  if (numberAt < 0 || daysAt < 0) return { days: {}, problems: [{ row: 1, text: 'columns' }] };
  const byNumber = new Map(members.map((m) => [m.householdNumber, m.householdId]));
  const days: Record<string, string> = {};
  const problems: Array<{ row: number; text: string }> = [];
  data.forEach((cells, i) => {
    const number = cells[numberAt] ?? '';
    const value = cells[daysAt] ?? '';
    const id = byNumber.get(number);
    if (!id) problems.push({ row: i + 2, text: `notMember:${number}` });
    else if (!/^\d{1,3}$/.test(value) || Number(value) > 31)
      problems.push({ row: i + 2, text: `badDays:${value}` });
    else days[id] = value;
  });
  return { days, problems };
}

/** 公益岗位考勤: days each member household worked on public-welfare jobs in a month (for the PV plan). */
export function AttendancePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const user = useUser();
  return (
    <EntityFrame
      entityId={id}
      title={t('dividends.attendance.title')}
      description={t('dividends.attendance.description')}
    >
      {(entity) => <Attendance entityId={entity.id} role={user.role} />}
    </EntityFrame>
  );
}

/** The month's entry form (for those who may write) and what is already recorded for it. */
export function Attendance({ entityId, role }: { entityId: string; role: Role }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const members = useMembers(entityId);
  const [month, setMonth] = useState(today().slice(0, 7));
  const [page, setPage] = useState(1);
  const recorded = useRecordedAttendance(entityId, month, page);
  const [days, setDays] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Array<{ row: number; text: string }>>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const mayWrite = can(role, 'dividends.write');

  if (members.error) return <ErrorState message={errorText(members.error)} onRetry={members.reload} />;
  if (!members.data) return <LoadingState label={t('dividends.loading')} />;
  const list = members.data;

  const importSheet = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const read = readAttendanceSheet(parseCsv(await readText(file)), list);
    setDays((current) => ({ ...current, ...read.days }));
    setProblems(read.problems);
    event.target.value = '';
  };
  const problemText = (text: string) => {
    const [kind, value = ''] = text.split(/:(.*)/s);
    return t(`dividends.attendance.problem.${kind}`, { value });
  };
  const entered = Object.entries(days).filter(([, v]) => v !== '');
  const invalid = entered.some(([, v]) => !/^\d{1,2}$/.test(v) || Number(v) > 31);
  const save = async () => {
    setBusy(true);
    setResult(null);
    try {
      const saved = await client.post<{ recorded: number }>(`${DIVIDENDS}/entities/${entityId}/attendance`, {
        ...monthRange(month),
        records: entered.map(([householdId, v]) => ({ householdId, daysWorked: Number(v) })),
      });
      setResult({ tone: 'ok', text: t('dividends.attendance.saved', { count: saved.recorded, month }) });
      recorded.reload();
    } catch (error) {
      setResult({ tone: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const columns: DataTableColumn<EntityMember>[] = [
    {
      key: 'number',
      header: t('dividends.members.number'),
      rowHeader: true,
      render: (m) => <span className="admin-mono">{m.householdNumber}</span>,
    },
    { key: 'head', header: t('dividends.members.head'), render: (m) => m.headName },
    {
      key: 'days',
      header: t('dividends.attendance.days'),
      render: (m) => (
        <input
          className="fp-input dividends-days"
          inputMode="numeric"
          aria-label={t('dividends.attendance.daysOf', { name: m.headName, number: m.householdNumber })}
          value={days[m.householdId] ?? ''}
          disabled={!mayWrite}
          onChange={(e) => setDays((current) => ({ ...current, [m.householdId]: e.target.value.trim() }))}
        />
      ),
    },
  ];
  return (
    <>
      <div className="admin-filters">
        <TextField
          label={t('dividends.attendance.month')}
          type="month"
          value={month}
          onChange={(e) => {
            setMonth(e.target.value);
            setPage(1);
          }}
        />
      </div>
      {mayWrite ? (
        <section className="admin-section" aria-labelledby="attendance-import">
          <h2 id="attendance-import">{t('dividends.attendance.importTitle')}</h2>
          <p className="admin-muted">{t('dividends.attendance.importHint')}</p>
          <div className="admin-form-buttons">
            <Button
              variant="secondary"
              onClick={() =>
                saveFile(
                  csvBlob([
                    ['户编号', '户主姓名', '出勤天数'],
                    ...list.map((m) => [m.householdNumber, m.headName, '']),
                  ]),
                  `attendance-${month}.csv`,
                )
              }
            >
              {t('dividends.attendance.template')}
            </Button>
            <label className="fp-button fp-button--secondary fp-button--md">
              {t('dividends.attendance.importFile')}
              <input
                type="file"
                accept=".csv,text/csv"
                className="admin-file-picker__input"
                onChange={importSheet}
              />
            </label>
          </div>
          {problems.length ? (
            <Notice tone="error" title={t('dividends.attendance.problems', { count: problems.length })}>
              <ul>
                {problems.map((p) => (
                  <li key={`${p.row}-${p.text}`}>
                    {t('dividends.attendance.problemRow', { row: p.row, text: problemText(p.text) })}
                  </li>
                ))}
              </ul>
            </Notice>
          ) : null}
        </section>
      ) : null}
      <DataTable
        stackOnPhone
        caption={t('dividends.attendance.caption', { month })}
        columns={columns}
        rows={list}
        rowKey={(m) => m.householdId}
        empty={<EmptyState title={t('dividends.members.empty')} />}
      />
      {mayWrite && list.length ? (
        <div className="admin-form-buttons">
          {invalid ? <Notice tone="error" title={t('dividends.attendance.invalid')} /> : null}
          {result ? <Notice tone={result.tone} title={result.text} /> : null}
          <Button loading={busy} disabled={entered.length === 0 || invalid} onClick={save}>
            {t('dividends.attendance.save', { count: entered.length })}
          </Button>
        </div>
      ) : null}
      <RecordedAttendance
        entityId={entityId}
        month={month}
        page={page}
        onPageChange={setPage}
        recorded={recorded}
      />
    </>
  );
}

/** What is already recorded for the month, paged, with a download of all of it. */
function RecordedAttendance({
  entityId,
  month,
  page,
  onPageChange,
  recorded,
}: {
  entityId: string;
  month: string;
  page: number;
  onPageChange: (page: number) => void;
  recorded: ReturnType<typeof useRecordedAttendance>;
}) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  // Same columns as the month's sheet, so a download can be corrected and chosen again.
  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const all = await loadAllAttendance(client, entityId, month);
      saveFile(
        csvBlob([
          ['户编号', '户主姓名', '出勤天数', '期初', '期末'],
          ...all.map((r) => [
            r.householdNumber,
            r.headName,
            String(r.daysWorked),
            r.periodStart,
            r.periodEnd,
          ]),
        ]),
        `attendance-recorded-${month}.csv`,
      );
    } catch (error) {
      setExportError(errorText(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: DataTableColumn<AttendanceRecord>[] = [
    {
      key: 'number',
      header: t('dividends.members.number'),
      rowHeader: true,
      render: (r) => <span className="admin-mono">{r.householdNumber}</span>,
    },
    { key: 'head', header: t('dividends.members.head'), render: (r) => r.headName },
    {
      key: 'period',
      header: t('dividends.attendance.period'),
      render: (r) => t('dividends.attendance.periodRange', { from: r.periodStart, to: r.periodEnd }),
    },
    { key: 'days', header: t('dividends.attendance.days'), align: 'end', render: (r) => r.daysWorked },
  ];

  return (
    <section className="admin-section" aria-labelledby="attendance-recorded">
      <div className="admin-page-header__row">
        <h2 id="attendance-recorded">{t('dividends.attendance.recordedTitle', { month })}</h2>
        {recorded.data?.total ? (
          <Button variant="secondary" loading={exporting} onClick={exportCsv}>
            {t('dividends.attendance.export')}
          </Button>
        ) : null}
      </div>
      {exportError ? <Notice tone="error" title={exportError} /> : null}
      {!isMonth(month) ? (
        <Notice tone="neutral" title={t('dividends.attendance.chooseMonth')} />
      ) : recorded.error ? (
        <ErrorState message={errorText(recorded.error)} onRetry={recorded.reload} />
      ) : !recorded.data ? (
        <LoadingState label={t('dividends.loading')} />
      ) : (
        <DataTable
          stackOnPhone
          caption={t('dividends.attendance.recordedCaption', { month, count: recorded.data.total })}
          columns={columns}
          rows={recorded.data.items}
          rowKey={(r) => `${r.householdId}-${r.periodStart}-${r.periodEnd}`}
          empty={<EmptyState title={t('dividends.attendance.recordedEmpty', { month })} />}
          pagination={{
            page,
            pageSize: ATTENDANCE_PAGE_SIZE,
            total: recorded.data.total,
            onPageChange,
          }}
        />
      )}
    </section>
  );
}
