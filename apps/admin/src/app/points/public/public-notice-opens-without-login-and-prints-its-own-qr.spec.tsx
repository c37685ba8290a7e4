import { fireEvent, screen, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../../testing/render-admin';
import { encodeQr } from '../qr/qr-encoder';
import { startFakeLedger, type FakeLedger } from '../testing/fake-ledger';

describe('the public notice board of a sheet', () => {
  let registry: FakeRegistry;
  let ledger: FakeLedger;

  beforeEach(async () => {
    registry = await startFakeRegistry();
    ledger = await startFakeLedger(registry);
    const rules = ledger.ruleSets[0]!;
    ledger.sheets.push({
      id: 'bbbbbbbb-5555-4000-8000-000000000009',
      villageCode: '411322104201',
      period: '2031-05',
      ruleSetId: rules.id,
      ruleSetVersion: 1,
      status: 'notice',
      noticeToken: 'Tok3n_abcdefghijklmnop',
      noticeStartsAt: '2031-06-01T01:00:00.000Z',
      noticeEndsAt: '2099-06-08T01:00:00.000Z',
      approvedBy: null,
      approvedAt: null,
      entryId: null,
      totalPoints: 9,
      householdCount: 2,
      lines: [
        {
          id: 'cccccccc-5555-4000-8000-000000000001',
          householdId: 'aaaaaaaa-0000-4000-8000-000000000001',
          householdNumber: '4113221042010001',
          headName: '马东升',
          itemCode: 'HYG',
          itemName: '环境卫生达标',
          count: 1,
          points: 5,
          note: '内部备注不公开',
        },
        {
          id: 'cccccccc-5555-4000-8000-000000000002',
          householdId: 'aaaaaaaa-0000-4000-8000-000000000002',
          householdNumber: '4113221042010002',
          headName: '杜斌斌',
          itemCode: 'FEAST',
          itemName: '大操大办',
          count: 1,
          points: -10,
          note: null,
        },
      ],
      objections: [],
    });
  });

  afterEach(async () => {
    disposeSessions();
    await ledger.close();
    await registry.close();
  });

  it('shows masked names, items, points, dates and how to object to someone not signed in', async () => {
    const view = renderAdmin(
      { url: ledger.url, signedIn: ledger.signedIn },
      '/public/points/notices/Tok3n_abcdefghijklmnop',
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: '2031-05 爱心积分评定公示' }),
    ).toBeInTheDocument();
    expect(view.router.state.location.pathname).toBe('/public/points/notices/Tok3n_abcdefghijklmnop');
    expect(screen.queryByRole('heading', { name: '登录管理后台' })).not.toBeInTheDocument();

    const rows = within(screen.getByRole('table', { name: '评分明细' })).getAllByRole('row');
    expect(rows.slice(1).map((row) => row.textContent)).toEqual([
      '4113221042010001马*升环境卫生达标1+5',
      '4113221042010002杜*斌大操大办1−10',
    ]);
    expect(screen.queryByText('马东升')).not.toBeInTheDocument();
    expect(screen.queryByText('内部备注不公开')).not.toBeInTheDocument();
    expect(screen.getByText('公示中')).toBeInTheDocument();
    expect(screen.getByText(/^公示时间：.+ 至 .+$/)).toBeInTheDocument();
    expect(screen.getByText('每户每月基础分 2 分（下表为在基础分之外的加分和扣分）')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '如有异议' })).toBeInTheDocument();
    expect(screen.getByText(/请在 .+ 前向村两委反映，或在村爱心超市自助机上提出/)).toBeInTheDocument();
    expect(
      ledger.calls('/api/ledger/public/notices/Tok3n_abcdefghijklmnop')[0]!.headers['authorization'],
    ).toBeUndefined();

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Love-supermarket points notice, 2031-05' }),
    ).toBeInTheDocument();
  });

  it('carries a QR code of its own address, drawn module for module from the encoder', async () => {
    renderAdmin(
      { url: ledger.url, signedIn: ledger.signedIn },
      '/public/points/notices/Tok3n_abcdefghijklmnop',
    );
    const qr = await screen.findByRole('img', { name: '本公示页的二维码' });
    const value = qr.getAttribute('data-value')!;
    expect(value).toBe(window.location.href.split('#')[0]);
    const { size, modules } = encodeQr(value);
    expect(qr.getAttribute('viewBox')).toBe(`0 0 ${size + 8} ${size + 8}`);
    const drawn = [
      ...qr
        .querySelector('path')!
        .getAttribute('d')!
        .matchAll(/h(\d+)/g),
    ].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(drawn).toBe(modules.flat().filter(Boolean).length);
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: '打印公示' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('says plainly when the link is wrong', async () => {
    renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, '/public/points/notices/NoSuchNotice_123456');
    expect(await screen.findByText('找不到这张评分表。')).toBeInTheDocument();
  });
});
