import type { StubServer } from '@fupin/api-client/testing';
import type { Role } from '@fupin/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import type { Distribution } from '../dividends-api';
import { renderDividends, startDividendsStub } from '../dividends-testing';
import { DistributionWorkflow } from './distribution-workflow';

const D = '11111111-1111-4111-8111-111111111111';
const BASE: Distribution = {
  id: D,
  entityId: '22222222-2222-4222-8222-222222222222',
  title: '独树镇光伏电站2020年下半年收益分配',
  planId: '33333333-3333-4333-8333-333333333333',
  planVersion: 1,
  periodStart: '2020-07-01',
  periodEnd: '2020-12-31',
  poolFen: '4823157',
  householdTotalFen: '3244030',
  householdCount: 25,
  accountParts: [],
  status: 'dry_run',
  createdAt: '2021-01-05T02:00:00.000Z',
  postedAt: null,
  notice: null,
  approval: null,
  objections: [],
};
const day = 86_400_000;
const noticed = (endsAt: Date, objections: Distribution['objections'] = []): Distribution => ({
  ...BASE,
  status: 'noticed',
  notice: {
    id: 'n1',
    publishedAt: new Date(endsAt.getTime() - 10 * day).toISOString(),
    endsAt: endsAt.toISOString(),
  },
  objections,
});

function Host({ initial, role }: { initial: Distribution; role: Role }) {
  const [d, setD] = useState(initial);
  return <DistributionWorkflow distribution={d} role={role} onChanged={setD} />;
}

describe('a distribution on its way from dry run to posting', () => {
  let server: StubServer;
  let next: Distribution;

  beforeEach(async () => {
    server = await startDividendsStub((request) => {
      if (request.method !== 'POST') return undefined;
      return request.url.endsWith('/posting') ? [200, { distribution: next, batchId: 'b1' }] : [200, next];
    });
  });

  afterEach(() => server.close());

  it('publishes the notice for the days chosen, never fewer than 10', async () => {
    next = noticed(new Date(Date.now() + 12 * day));
    renderDividends(server, <Host initial={BASE} role="village_admin" />);
    fireEvent.change(screen.getByLabelText(/^公示天数/), { target: { value: '9' } });
    expect(screen.getByText('至少 10 天，最多 60 天', { selector: '.fp-field__error' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/^公示天数/), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: '发布公示' }));
    expect(screen.getByText('确定公示 12 天吗？公示后不能再修改本次分配。')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    expect(await screen.findByText('公示截止')).toBeInTheDocument();
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ days: 12 });
    expect(server.requests[0]!.url).toBe(`/api/dividends/distributions/${D}/notice`);
  });

  it('keeps approval shut while the notice runs or an objection is open, and from the entity’s accountant', () => {
    const { unmount } = renderDividends(
      server,
      <Host
        initial={noticed(new Date(Date.now() + day), [
          {
            id: 'o1',
            raisedBy: '王秀兰',
            text: '九月出勤少记两天',
            recordedAt: new Date().toISOString(),
            resolution: null,
            resolvedAt: null,
          },
        ])}
        role="town_admin"
      />,
    );
    expect(screen.getByText('公示期满后才能审批。')).toBeInTheDocument();
    expect(screen.getByText('还有 1 条异议没有处理。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '审批通过' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '记为已处理' })).toBeDisabled();
    unmount();
    renderDividends(server, <Host initial={noticed(new Date(Date.now() - day))} role="coop_accountant" />);
    expect(screen.getByText(/主体会计不能审批自己的方案/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '审批通过' })).not.toBeInTheDocument();
  });

  it('approves with the village meeting record once the notice is over, then posts it', async () => {
    const approvedAt = new Date().toISOString();
    next = {
      ...noticed(new Date(Date.now() - day)),
      status: 'approved',
      approval: {
        id: 'a1',
        meetingDate: '2021-01-18',
        attendeesCount: 86,
        minutesReference: '独树镇〔2021〕3 号',
        approvedAt,
      },
    };
    renderDividends(server, <Host initial={noticed(new Date(Date.now() - day))} role="county_admin" />);
    expect(screen.getByText('公示期已满')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/^会议日期/), { target: { value: '2021-01-18' } });
    fireEvent.change(screen.getByLabelText(/^到会人数/), { target: { value: '86' } });
    fireEvent.change(screen.getByLabelText(/^会议记录编号/), { target: { value: '独树镇〔2021〕3 号' } });
    fireEvent.click(screen.getByRole('button', { name: '审批通过' }));
    await screen.findByRole('button', { name: '入账并生成代发批次' });
    const approval = server.requests[0]!;
    expect(approval.url).toBe(`/api/dividends/distributions/${D}/approval`);
    expect(approval.headers['idempotency-key']).toBeTruthy();
    expect(JSON.parse(approval.body)).toEqual({
      meetingDate: '2021-01-18',
      attendeesCount: 86,
      minutesReference: '独树镇〔2021〕3 号',
    });
    expect(screen.getByRole('button', { name: '撤销审批' })).toBeDisabled();

    next = { ...next, status: 'posted' };
    server.requests.length = 0;
    fireEvent.click(screen.getByRole('button', { name: '入账并生成代发批次' }));
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(server.requests).toHaveLength(1));
    expect(server.requests[0]!.url).toBe(`/api/dividends/distributions/${D}/posting`);
    expect(server.requests[0]!.headers['idempotency-key']).toBeTruthy();
  });
});
