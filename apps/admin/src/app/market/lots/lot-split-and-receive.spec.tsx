import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../../testing/render-admin';
import { POINT_ID, startFakeMarket, type FakeMarket } from '../testing/fake-market';

jest.setTimeout(30_000);

const LOT_ID = '88888888-0000-4000-8000-000000000001';

describe('批次 at a collection point', () => {
  let registry: FakeRegistry;
  let market: FakeMarket;

  beforeEach(async () => {
    registry = await startFakeRegistry();
    market = await startFakeMarket(registry);
    market.lots.push({
      id: LOT_ID,
      traceCode: 'L4113221042010001',
      produce: '小米',
      grade: 'first',
      weightGrams: 25_500,
      locationId: POINT_ID,
      status: 'at_location',
      sourceLotIds: [],
      households: [
        {
          householdId: 'aaaaaaaa-0000-4000-8000-000000000001',
          villageCode: '411322104201',
          weightGrams: 25_500,
        },
      ],
      createdAt: '2026-12-02T01:00:00.000Z',
    });
  });

  afterEach(async () => {
    disposeSessions();
    await market.close();
    await registry.close();
  });

  it('splits a lot only into parts that add up, offering to fill the last part', async () => {
    renderAdmin(market, `/market/lots/${LOT_ID}`, { as: 'yanshanpu-collector' });
    expect(
      await screen.findByRole('heading', { level: 1, name: '批次 L4113221042010001' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('砚山铺村农产品收购点')).toBeInTheDocument();
    const form = screen.getByRole('form', { name: '拆分批次' });
    fireEvent.change(within(form).getByLabelText('第 1 份（千克）'), { target: { value: '10' } });
    expect(within(form).getByRole('status')).toHaveTextContent('还剩 15.500 千克未分配');
    fireEvent.click(within(form).getByRole('button', { name: '拆分' }));
    expect(await within(form).findByText('各份重量加起来必须正好等于 25.500 千克。')).toBeInTheDocument();
    expect(market.calls(`/api/market/lots/${LOT_ID}/split`)).toHaveLength(0);

    fireEvent.click(within(form).getByRole('button', { name: '把剩余的都放进最后一份' }));
    expect(within(form).getByLabelText('第 2 份（千克）')).toHaveValue('15.500');
    fireEvent.click(within(form).getByRole('button', { name: '拆分' }));
    expect(await screen.findByText('已拆分为 2 个批次：')).toBeInTheDocument();
    expect(JSON.parse(market.calls(`/api/market/lots/${LOT_ID}/split`)[0]!.body)).toEqual({
      partsGrams: [10_000, 15_500],
    });
    expect(screen.getByRole('link', { name: 'L4113221042010001-2' })).toBeInTheDocument();
  });

  it('offers the sorting station of the town as the next stop', async () => {
    renderAdmin(market, `/market/lots/${LOT_ID}`, { as: 'yanshanpu-collector' });
    const send = await screen.findByRole('form', { name: '调运到上一级' });
    const to = within(send).getByRole('combobox', { name: /送往/ });
    expect(
      within(to)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['独树镇农产品分拣站']);
    expect(within(send).getByRole('button', { name: '发出（25.500 千克）' })).toBeInTheDocument();
  });

  it('shows the auditor the lot without split or send', async () => {
    renderAdmin(market, `/market/lots/${LOT_ID}`, { as: 'fc-auditor' });
    expect(
      await screen.findByRole('heading', { level: 1, name: '批次 L4113221042010001' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: '拆分批次' })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: '调运到上一级' })).not.toBeInTheDocument();
  });

  it('asks for a reason when less arrives than was sent', async () => {
    renderAdmin(
      market,
      `/market/transfers/${'12345678-0000-4000-8000-000000000001'}/receive?lot=${LOT_ID}&sent=25500`,
      {
        as: 'fc-supermarket',
      },
    );
    expect(await screen.findByText('发出重量：25.500 千克')).toBeInTheDocument();
    await screen.findByText('批次 L4113221042010001：小米 · 一级');
    fireEvent.change(screen.getByLabelText(/实收重量/), { target: { value: '25.1' } });
    expect(screen.getByText('比发出的少 0.400 千克，请写明损耗原因。')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '确认收货' }));
    await waitFor(() => expect(screen.getByText('实收比发出的少，请写明损耗原因')).toBeInTheDocument());
  });
});
