import type { StubServer } from '@fupin/api-client/testing';
import type { AttendanceRecord } from '@fupin/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { parseCsv, type EntityMember } from '../dividends-api';
import { renderDividends, startDividendsStub } from '../dividends-testing';
import { Attendance, readAttendanceSheet } from './attendance-page';

const ENTITY = '22222222-2222-4222-8222-222222222222';
const MEMBERS_URL = `/api/dividends/entities/${ENTITY}/members`;
const ATTENDANCE_URL = `/api/dividends/entities/${ENTITY}/attendance`;

const member = (n: number): EntityMember => ({
  householdId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  householdNumber: `4113221042010${String(n).padStart(3, '0')}`,
  headName: `户主${n}`,
  villageCode: '411322104201',
  labourClass: 'able',
  povertyStatus: 'lifted',
  joinedOn: '2025-01-01',
  shareholdings: [],
});
const MEMBERS = Array.from({ length: 25 }, (_, i) => member(i + 1));
const march = (m: EntityMember, daysWorked: number): AttendanceRecord => ({
  householdId: m.householdId,
  householdNumber: m.householdNumber,
  headName: m.headName,
  periodStart: '2025-03-01',
  periodEnd: '2025-03-31',
  daysWorked,
});

describe('the attendance page shows what is already recorded for the month', () => {
  let server: StubServer;
  /** What the stand-in service holds, by period start; a POST adds to it. */
  let recorded: Record<string, AttendanceRecord[]>;
  let failing: boolean;

  beforeEach(async () => {
    recorded = {};
    failing = false;
    server = await startDividendsStub((request) => {
      const url = new URL(request.url, 'http://x');
      if (url.pathname === MEMBERS_URL) return [200, MEMBERS];
      if (url.pathname !== ATTENDANCE_URL) return undefined;
      if (request.method === 'POST') {
        const body = JSON.parse(request.body) as {
          periodStart: string;
          periodEnd: string;
          records: Array<{ householdId: string; daysWorked: number }>;
        };
        const rows = (recorded[body.periodStart] ??= []);
        for (const r of body.records) {
          const m = MEMBERS.find((x) => x.householdId === r.householdId)!;
          rows.push({ ...march(m, r.daysWorked), periodStart: body.periodStart, periodEnd: body.periodEnd });
        }
        return [201, { recorded: body.records.length }];
      }
      if (failing) return [500, { code: 'INTERNAL', message: 'boom' }];
      const page = Number(url.searchParams.get('page'));
      const size = Number(url.searchParams.get('pageSize'));
      const rows = recorded[url.searchParams.get('periodStart')!] ?? [];
      return [
        200,
        { items: rows.slice((page - 1) * size, page * size), total: rows.length, page, pageSize: size },
      ];
    });
  });

  afterEach(() => server.close());

  const chooseMonth = (month: string, label = '月份') =>
    fireEvent.change(screen.getByLabelText(label), { target: { value: month } });
  const attendanceReads = () =>
    server.requests
      .filter((r) => r.method === 'GET' && r.url.startsWith(ATTENDANCE_URL))
      .map((r) => new URL(r.url, 'http://x').searchParams);

  it('lists the chosen month’s days by household, a page at a time, and says when a month has none', async () => {
    recorded['2025-03-01'] = MEMBERS.map((m, i) => march(m, 10 + (i % 15)));
    renderDividends(server, <Attendance entityId={ENTITY} role="auditor" />);
    await screen.findByRole('table', { name: /出勤登记$/ });
    chooseMonth('2025-03');
    const table = await screen.findByRole('table', { name: '2025-03 已登记出勤（25 条）' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(20);
    expect(rows[0]).toHaveTextContent('4113221042010001户主12025-03-01 至 2025-03-3110');
    fireEvent.click(screen.getByRole('button', { name: /下一页/ }));
    await waitFor(() => expect(screen.getByText('4113221042010025')).toBeInTheDocument());
    const march2 = attendanceReads().at(-1)!;
    expect(Object.fromEntries(march2)).toEqual({
      periodStart: '2025-03-01',
      periodEnd: '2025-03-31',
      page: '2',
      pageSize: '20',
    });

    chooseMonth('2025-02');
    expect(await screen.findByText('2025-02 还没有登记出勤')).toBeInTheDocument();
    expect(Object.fromEntries(attendanceReads().at(-1)!)).toMatchObject({
      periodStart: '2025-02-01',
      periodEnd: '2025-02-28',
      page: '1',
    });
    expect(screen.queryByRole('button', { name: '下载已登记出勤（CSV）' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^保存/ })).not.toBeInTheDocument();
  });

  it('says when the recorded days could not be loaded, and loads them again on retry', async () => {
    failing = true;
    recorded['2025-03-01'] = [march(MEMBERS[0]!, 21)];
    renderDividends(server, <Attendance entityId={ENTITY} role="coop_accountant" />, 'en');
    await screen.findByRole('table', { name: /^Attendance for/ });
    chooseMonth('2025-03', 'Month');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    failing = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    const table = await screen.findByRole('table', { name: 'Attendance recorded for 2025-03 (1 rows)' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('户主12025-03-01 to 2025-03-3121');
  });

  it('shows the saved days in the recorded table as soon as they are saved', async () => {
    renderDividends(server, <Attendance entityId={ENTITY} role="coop_accountant" />);
    await screen.findByRole('table', { name: /出勤登记$/ });
    chooseMonth('2025-04');
    expect(await screen.findByText('2025-04 还没有登记出勤')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('户主2（4113221042010002）的出勤天数'), {
      target: { value: '18' },
    });
    fireEvent.change(screen.getByLabelText('户主1（4113221042010001）的出勤天数'), {
      target: { value: '22' },
    });
    fireEvent.click(screen.getByRole('button', { name: '保存 2 户的出勤' }));

    expect(await screen.findByText('已保存 2025-04 共 2 户的出勤天数')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: '2025-04 已登记出勤（2 条）' });
    expect(within(table).getByText('户主2').closest('tr')).toHaveTextContent('2025-04-01 至 2025-04-3018');
    expect(within(table).getByText('户主1').closest('tr')).toHaveTextContent('2025-04-01 至 2025-04-3022');
    expect(screen.queryByText('2025-04 还没有登记出勤')).not.toBeInTheDocument();
  });

  it('downloads every recorded row of the month as a sheet that can be chosen again to correct it', async () => {
    const saved: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:attendance';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    recorded['2025-03-01'] = MEMBERS.map((m, i) => march(m, i));
    renderDividends(server, <Attendance entityId={ENTITY} role="coop_accountant" />);
    await screen.findByRole('table', { name: /出勤登记$/ });
    chooseMonth('2025-03');
    await screen.findByRole('table', { name: '2025-03 已登记出勤（25 条）' });
    fireEvent.click(screen.getByRole('button', { name: '下载已登记出勤（CSV）' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(saved[0]!);
    });
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['户编号', '户主姓名', '出勤天数', '期初', '期末']);
    expect(rows).toHaveLength(1 + 25);
    expect(rows[25]).toEqual(['4113221042010025', '户主25', '24', '2025-03-01', '2025-03-31']);
    const again = readAttendanceSheet(rows, MEMBERS);
    expect(again.problems).toEqual([]);
    expect(Object.keys(again.days)).toHaveLength(25);
    expect(again.days[MEMBERS[24]!.householdId]).toBe('24');
  });
});
