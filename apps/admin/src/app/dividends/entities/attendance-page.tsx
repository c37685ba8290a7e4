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
  csvBlob,
  DIVIDENDS,
  monthRange,
  parseCsv,
  readText,
  saveFile,
  today,
  useMembers,
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
  return (
    <EntityFrame
      entityId={id}
      title={t('dividends.attendance.title')}
      description={t('dividends.attendance.description')}
    >
      {(entity) => <Attendance entityId={entity.id} />}
    </EntityFrame>
  );
}

function Attendance({ entityId }: { entityId: string }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const user = useUser();
  const members = useMembers(entityId);
  const [month, setMonth] = useState(today().slice(0, 7));
  const [days, setDays] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Array<{ row: number; text: string }>>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const mayWrite = can(user.role, 'dividends.write');

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
          onChange={(e) => setMonth(e.target.value)}
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
    </>
  );
}
