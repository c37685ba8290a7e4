import type { LotView, TransferView } from '@fupin/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../../testing/render-admin';
import {
  POINT_ID,
  STATION_ID,
  SUPERMARKET_ID,
  startFakeMarket,
  type FakeMarket,
} from '../testing/fake-market';

jest.setTimeout(30_000);

const HOUSEHOLD = {
  householdId: 'aaaaaaaa-0000-4000-8000-000000000001',
  villageCode: '411322104201',
  weightGrams: 1,
};

function lot(n: number, extra: Partial<LotView> = {}): LotView {
  const weightGrams = extra.weightGrams ?? 10_000 + n;
  return {
    id: `88888888-0000-4000-8000-${String(100 + n).padStart(12, '0')}`,
    traceCode: `L411322104201${String(n).padStart(4, '0')}`,
    produce: n % 2 ? '小米' : '花生',
    grade: 'first',
    weightGrams,
    locationId: POINT_ID,
    status: 'at_location',
    sourceLotIds: [],
    households: [{ ...HOUSEHOLD, weightGrams }],
    createdAt: new Date(Date.UTC(2026, 11, 1, 0, n)).toISOString(),
    ...extra,
  };
}

function transfer(n: number, of: LotView, extra: Partial<TransferView> = {}): TransferView {
  return {
    id: `12345678-0000-4000-8000-${String(n).padStart(12, '0')}`,
    lotId: of.id,
    fromOrganisationId: STATION_ID,
    toOrganisationId: SUPERMARKET_ID,
    sentGrams: of.weightGrams,
    receivedGrams: null,
    lossGrams: null,
    lossReason: null,
    status: 'sent',
    sentAt: new Date(Date.UTC(2026, 11, 2, 0, n)).toISOString(),
    receivedAt: null,
    ...extra,
  };
}

function lotQueries(market: FakeMarket) {
  return market.calls('/api/market/lots').map((c) => new URL(c.url, 'http://x').searchParams);
}

describe('批次与调运: the lots and transfers at the clerk’s place', () => {
  let registry: FakeRegistry;
  let market: FakeMarket;

  beforeEach(async () => {
    registry = await startFakeRegistry();
    market = await startFakeMarket(registry);
  });

  afterEach(async () => {
    disposeSessions();
    await market.close();
    await registry.close();
  });

  it('shows a collection point its own lots, newest first, a page at a time, by status and produce', async () => {
    for (let n = 1; n <= 23; n++)
      market.lots.push(lot(n, n === 22 || n === 23 ? { status: 'in_transit' } : {}));
    market.lots.push(lot(99, { locationId: STATION_ID, traceCode: 'STATION-LOT' }));
    renderAdmin(market, '/market/lots', { as: 'yanshanpu-collector' });

    const views = await screen.findByRole('navigation', { name: '批次与调运' });
    expect(
      within(views)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['在本单位的批次', '发出的调运']);
    expect(await screen.findByText('共 23 个批次')).toBeInTheDocument();
    const table = screen.getByRole('table');
    const codes = within(table)
      .getAllByRole('link')
      .map((l) => l.textContent);
    expect(codes).toHaveLength(20);
    expect(codes[0]).toBe('L4113221042010023');
    expect(codes).not.toContain('STATION-LOT');
    expect(within(table).getByRole('link', { name: 'L4113221042010023' })).toHaveAttribute(
      'href',
      `/market/lots/${lot(23).id}`,
    );
    expect(within(table).getAllByText('1 户').length).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await screen.findByRole('link', { name: 'L4113221042010001' });
    expect(lotQueries(market).at(-1)!.get('page')).toBe('2');

    fireEvent.change(screen.getByRole('combobox', { name: /状态/ }), { target: { value: 'in_transit' } });
    expect(await screen.findByText('共 2 个批次')).toBeInTheDocument();
    expect(lotQueries(market).at(-1)!.get('status')).toBe('in_transit');
    expect(lotQueries(market).at(-1)!.get('page')).toBe('1');
    expect(within(screen.getByRole('table')).getAllByText('运输中')).toHaveLength(2);

    fireEvent.change(screen.getByRole('combobox', { name: /状态/ }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('searchbox', { name: /品名/ }), { target: { value: '花生' } });
    fireEvent.click(screen.getByRole('button', { name: '筛选' }));
    expect(await screen.findByText('共 11 个批次')).toBeInTheDocument();
    expect(lotQueries(market).at(-1)!.get('produce')).toBe('花生');

    fireEvent.change(screen.getByRole('searchbox', { name: /品名/ }), { target: { value: '核桃' } });
    fireEvent.click(screen.getByRole('button', { name: '筛选' }));
    expect(await screen.findByText('没有符合条件的批次，换个条件试试。')).toBeInTheDocument();
  });

  it('merges chosen lots at the point from the list', async () => {
    market.lots.push(lot(1), lot(3), lot(5, { status: 'in_transit' }));
    renderAdmin(market, '/market/lots', { as: 'yanshanpu-collector' });
    fireEvent.click(await screen.findByRole('checkbox', { name: /L4113221042010001/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /L4113221042010003/ }));
    expect(screen.queryByRole('checkbox', { name: /L4113221042010005/ })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '合并选中的 2 个批次' }));
    expect(await screen.findByText(/已合并为批次 L4113221042010001-M/)).toBeInTheDocument();
    expect(JSON.parse(market.calls('/api/market/lots/merge')[0]!.body)).toEqual({
      lotIds: [lot(1).id, lot(3).id],
    });
  });

  it('lets the supermarket receive what is on the way with one tap, and then it leaves the list', async () => {
    const coming = lot(1, { locationId: STATION_ID, status: 'in_transit', weightGrams: 25_500 });
    const earlier = lot(2, { locationId: SUPERMARKET_ID, weightGrams: 9_800 });
    market.lots.push(coming, earlier);
    market.transfers.push(
      transfer(1, earlier, {
        sentGrams: 10_000,
        receivedGrams: 9_800,
        lossGrams: 200,
        lossReason: '运输损耗',
        status: 'received',
        receivedAt: '2026-12-02T03:00:00.000Z',
      }),
      transfer(2, coming),
    );
    renderAdmin(market, '/market/lots?view=incoming', { as: 'fc-supermarket' });

    const views = await screen.findByRole('navigation', { name: '批次与调运' });
    await waitFor(() =>
      expect(
        within(views)
          .getAllByRole('link')
          .map((l) => l.textContent),
      ).toEqual(['在本单位的批次', '待收货（1）']),
    );
    expect(await screen.findByText('共 1 张调运单')).toBeInTheDocument();
    const row = within(screen.getByRole('table'));
    expect(row.getByText('独树镇农产品分拣站')).toBeInTheDocument();
    expect(row.getByText('25.500 kg')).toBeInTheDocument();
    expect(row.queryByText('L4113221042010002')).not.toBeInTheDocument();

    fireEvent.click(row.getByRole('link', { name: '收货：批次 L4113221042010001' }));
    expect(await screen.findByText('发出重量：25.500 千克')).toBeInTheDocument();
    expect(await screen.findByText('批次 L4113221042010001：小米 · 一级')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/实收重量/), { target: { value: '25.5' } });
    fireEvent.click(screen.getByRole('button', { name: '确认收货' }));
    expect(await screen.findByText('已收货，实收 25.500 千克。')).toBeInTheDocument();
    expect(
      JSON.parse(market.calls(`/api/market/transfers/${transfer(2, coming).id}/receive`)[0]!.body),
    ).toEqual({ receivedGrams: 25_500 });

    fireEvent.click(screen.getByRole('link', { name: '返回批次与调运' }));
    expect(await screen.findByText('没有待收货的调运。')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '待收货（0）' })).toHaveAttribute('aria-current', 'page');

    fireEvent.change(screen.getByRole('combobox', { name: /状态/ }), { target: { value: 'received' } });
    expect(await screen.findByText('共 2 张调运单')).toBeInTheDocument();
    expect(screen.getByText('损耗 0.200 千克：运输损耗')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^收货：/ })).not.toBeInTheDocument();
  });

  it('shows a point what it sent, and the loss once received at the other end', async () => {
    const gone = lot(1, { locationId: STATION_ID, weightGrams: 9_700 });
    market.lots.push(gone);
    market.transfers.push(
      transfer(1, gone, {
        fromOrganisationId: POINT_ID,
        toOrganisationId: STATION_ID,
        sentGrams: 10_000,
        receivedGrams: 9_700,
        lossGrams: 300,
        lossReason: '晾晒失水',
        status: 'received',
        receivedAt: '2026-12-02T03:00:00.000Z',
      }),
    );
    renderAdmin(market, '/market/lots?view=outgoing', { as: 'yanshanpu-collector' });
    expect(await screen.findByText('共 1 张调运单')).toBeInTheDocument();
    const table = within(screen.getByRole('table'));
    expect(table.getByText('独树镇农产品分拣站')).toBeInTheDocument();
    expect(table.getByText('实收 9.700 千克')).toBeInTheDocument();
    expect(table.getByText('损耗 0.300 千克：晾晒失水')).toBeInTheDocument();
    const query = new URL(market.calls('/api/market/transfers').at(-1)!.url, 'http://x').searchParams;
    expect(query.get('direction')).toBe('outgoing');
  });

  it('shows the county every place’s lots and transfers, without receiving', async () => {
    const coming = lot(1, { locationId: STATION_ID, status: 'in_transit' });
    market.lots.push(coming, lot(2));
    market.transfers.push(transfer(1, coming));
    renderAdmin(market, '/market/lots', { as: 'fc-admin' });
    const views = await screen.findByRole('navigation', { name: '批次与调运' });
    expect(
      within(views)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['各单位的批次', '调运记录']);
    expect(await screen.findByText('共 2 个批次')).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getByText('独树镇农产品分拣站')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();

    fireEvent.change(screen.getByRole('combobox', { name: /所在单位/ }), { target: { value: POINT_ID } });
    expect(await screen.findByText('共 1 个批次')).toBeInTheDocument();
    expect(lotQueries(market).at(-1)!.get('location')).toBe(POINT_ID);

    fireEvent.click(within(views).getByRole('link', { name: '调运记录' }));
    expect(await screen.findByText('共 1 张调运单')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^收货：/ })).not.toBeInTheDocument();
  });

  it('says when the list cannot be loaded, and loads it again on retry', async () => {
    market.lots.push(lot(1));
    market.listsDown = true;
    renderAdmin(market, '/market/lots', { as: 'yanshanpu-collector' });
    const retry = await screen.findByRole('button', { name: '重试' });
    market.listsDown = false;
    fireEvent.click(retry);
    expect(await screen.findByText('共 1 个批次')).toBeInTheDocument();
  });
});
