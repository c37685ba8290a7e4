import { fireEvent, screen, within } from '@testing-library/react';
import { disposeSessions } from '../../../testing/render-admin';
import { NOTICE_OPEN, startFakeDividends, type FakeDividends } from './testing/fake-dividends';
import { renderPublic } from './testing/render-public';

describe('the public chain check', () => {
  let fake: FakeDividends;
  beforeEach(async () => {
    fake = await startFakeDividends();
  });
  afterEach(async () => {
    disposeSessions();
    await fake.close();
  });

  it('says the chain is intact, and how many records it checked', async () => {
    renderPublic(fake, '/public/dividends/chain');
    expect(await screen.findByText('链完整')).toBeInTheDocument();
    expect(screen.getByText('共 2 条记录，全部与当初公示的内容一致。')).toBeInTheDocument();
  });

  it('names the first broken record and links to its notice; checks again on request', async () => {
    fake.state.chain = {
      intact: false,
      length: 3,
      headHash: 'ef'.repeat(32),
      firstBroken: { seq: 2, kind: 'notice', refId: NOTICE_OPEN, reason: 'content_changed' },
    };
    renderPublic(fake, '/public/dividends/chain');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('链已断开');
    expect(alert).toHaveTextContent('第 2 条记录（分红公示）的内容已被改动，和当初记录的哈希对不上');
    expect(within(alert).getByRole('link', { name: '查看这张公示' })).toHaveAttribute(
      'href',
      `/public/dividends/notices/${NOTICE_OPEN}`,
    );
    fake.state.chain = { intact: true, length: 3, headHash: 'ef'.repeat(32), firstBroken: null };
    fireEvent.click(screen.getByRole('button', { name: '重新校验' }));
    expect(await screen.findByText('链完整')).toBeInTheDocument();
    expect(fake.calls('/api/dividends/public/chain/verify')).toHaveLength(2);
  });
});

describe('my dividends by card and PIN', () => {
  let fake: FakeDividends;
  beforeEach(async () => {
    fake = await startFakeDividends();
  });
  afterEach(async () => {
    disposeSessions();
    await fake.close();
  });

  const fill = (card: string, pin: string) => {
    fireEvent.change(screen.getByRole('textbox', { name: /积分卡卡号/ }), { target: { value: card } });
    fireEvent.change(screen.getByLabelText(/^密码/), { target: { value: pin } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
  };

  it('checks the card and PIN before asking anyone', async () => {
    renderPublic(fake, '/public/dividends/mine');
    await screen.findByRole('heading', { level: 1, name: '我家的分红' });
    fill('', '12');
    expect(await screen.findByText('请输入积分卡卡号')).toBeInTheDocument();
    expect(screen.getByText('密码是 4 到 6 位数字')).toBeInTheDocument();
    expect(fake.calls('/api/registry/auth/household/sign-in')).toHaveLength(0);
  });

  it('says plainly that card look-up is not available while the registry cannot sign households in', async () => {
    renderPublic(fake, '/public/dividends/mine');
    await screen.findByRole('heading', { level: 1, name: '我家的分红' });
    fill('fc0003', '1234');
    expect(await screen.findByRole('alert')).toHaveTextContent('暂时不能在网上用卡号查询');
    expect(fake.calls('/api/dividends/households/me/payouts')).toHaveLength(0);
  });

  it('shows the household its own payouts with the token the registry gave it', async () => {
    fake.state.householdSignIn = true;
    renderPublic(fake, '/public/dividends/mine');
    await screen.findByRole('heading', { level: 1, name: '我家的分红' });
    fill('fc0003', '9999');
    expect(await screen.findByRole('alert')).toHaveTextContent('密码不对');
    fill('fc0003', '1234');
    expect(await screen.findByRole('heading', { name: '张德明户（4113221042010003）' })).toBeInTheDocument();
    expect(JSON.parse(fake.calls('/api/registry/auth/household/sign-in').at(-1)!.body)).toEqual({
      cardNumber: 'FC0003',
      pin: '1234',
    });
    expect(fake.calls('/api/dividends/households/me/payouts')[0]!.headers.authorization).toBe(
      'Bearer household-token-zhang',
    );
    const payouts = screen.getByRole('table', { name: '分红发放记录' });
    expect(payouts).toHaveTextContent('¥3,395.06');
    expect(payouts).toHaveTextContent('已到账');
    expect(payouts).toHaveTextContent('6230****1003');
    expect(screen.getByRole('table', { name: '补助资金到户记录' })).toHaveTextContent('民生保障资金');
    fireEvent.click(screen.getByRole('button', { name: '退出查询' }));
    expect(screen.queryByText('¥3,395.06')).not.toBeInTheDocument();
  });
});
