import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  CARD,
  CREDENTIAL,
  PIN,
  startFakeKioskBackend,
  type FakeKioskBackend,
} from '../../testing/fake-kiosk-backend';
import { renderKiosk } from '../../testing/render-kiosk';

/** The browser's speech synthesis, recording what the kiosk would say (jsdom has none). */
class FakeUtterance {
  lang = '';
  rate = 1;
  constructor(readonly text: string) {}
}
const spoken: FakeUtterance[] = [];

beforeAll(() => {
  Object.assign(window, {
    SpeechSynthesisUtterance: FakeUtterance,
    speechSynthesis: { speak: (u: FakeUtterance) => spoken.push(u), cancel: () => undefined },
  });
});

const tile = (name: string) => document.querySelector<HTMLElement>(`[data-goods="${name}"]`)!;
const basket = () => screen.getByRole('region', { name: '我选的商品' });

async function signedIn(backend: FakeKioskBackend) {
  const view = renderKiosk(backend.url, { credential: CREDENTIAL });
  const field = await screen.findByRole('textbox', { name: '积分卡号' });
  fireEvent.change(field, { target: { value: CARD } });
  fireEvent.submit(field.closest('form')!);
  await screen.findByRole('heading', { level: 1, name: '请输入密码' });
  for (const digit of PIN) fireEvent.keyDown(window, { key: digit });
  fireEvent.keyDown(window, { key: 'Enter' });
  await screen.findByTestId('balance');
  await waitFor(() => expect(tile('毛巾')).toBeInTheDocument());
  return view;
}

describe('a villager redeems a basket at the kiosk', () => {
  let backend: FakeKioskBackend;

  beforeEach(async () => {
    spoken.length = 0;
    backend = await startFakeKioskBackend();
  });

  afterEach(() => backend.close());

  it('shows the balance, each goods’ state, a running total and the receipt with the balance after', async () => {
    await signedIn(backend);
    expect(screen.getByTestId('balance')).toHaveTextContent('80');
    expect(tile('暖水瓶')).toHaveTextContent('已换完');
    expect(tile('电饭锅')).toHaveTextContent('积分不够');
    expect(tile('食用油')).toHaveTextContent('快换完了，还剩 3');
    expect(tile('毛巾')).toHaveTextContent('8 分');
    expect(tile('毛巾')).toHaveTextContent('还剩 60');
    expect(within(basket()).getByText('点左边的商品，把它放进来')).toBeInTheDocument();
    expect(within(basket()).getByRole('button', { name: '确认兑换' })).toBeDisabled();

    fireEvent.click(tile('毛巾'));
    fireEvent.click(tile('毛巾'));
    fireEvent.click(tile('食盐'));
    expect(within(basket()).getByRole('status', { name: '毛巾' })).toHaveTextContent('2');
    expect(tile('毛巾')).toHaveTextContent('已选 2');
    expect(screen.getByTestId('basket-total')).toHaveTextContent('19 分');
    expect(screen.getByTestId('basket-remaining')).toHaveTextContent('61 分');
    fireEvent.click(within(basket()).getByRole('button', { name: '少要一个 食盐' }));
    fireEvent.click(within(basket()).getByRole('button', { name: '多要一个 毛巾' }));
    expect(screen.getByTestId('basket-total')).toHaveTextContent('24 分');
    expect(within(basket()).queryByText('食盐')).not.toBeInTheDocument();
    // 食用油 (60) no longer fits in the 56 points left.
    expect(tile('食用油')).toHaveTextContent('积分不够');

    fireEvent.click(screen.getByRole('button', { name: '确认兑换' }));
    expect(await screen.findByRole('heading', { level: 1, name: /兑换成功/ })).toBeInTheDocument();
    expect(screen.getByTestId('receipt-number')).toHaveTextContent('R20261202-000001');
    expect(screen.getByTestId('receipt-total')).toHaveTextContent('24 分');
    expect(screen.getByTestId('receipt-balance')).toHaveTextContent('56 分');
    const receipt = screen.getByRole('article', { name: '兑换成功' });
    expect(within(receipt).getByRole('row', { name: /毛巾/ })).toHaveTextContent('3');
    expect(receipt).toHaveTextContent('2026-12-02 14:05'); // China time
    expect(backend.balance).toBe(56);
    expect(backend.byName('毛巾').quantity).toBe(57);

    const print = jest.fn();
    window.print = print;
    fireEvent.click(screen.getByRole('button', { name: '打印小票' }));
    expect(print).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: '完成' }));
    expect(await screen.findByRole('heading', { level: 1, name: '欢迎来到爱心超市' })).toBeInTheDocument();
    await waitFor(() =>
      expect(backend.calls('POST', '/api/registry/auth/kiosk/session/end')).toHaveLength(1),
    );
  });

  it('says plainly why goods cannot be added: too dear, sold out, or all of it already chosen', async () => {
    backend.byName('食盐').quantity = 2;
    await signedIn(backend);
    fireEvent.click(tile('电饭锅'));
    expect(screen.getByRole('alert')).toHaveTextContent('积分不够换“电饭锅”：还差 70 分。');
    fireEvent.click(tile('暖水瓶'));
    expect(screen.getByRole('alert')).toHaveTextContent('“暖水瓶”已经换完了，请选别的商品。');
    expect(within(basket()).queryByRole('listitem')).not.toBeInTheDocument();
    expect(within(basket()).getByRole('button', { name: '确认兑换' })).toBeDisabled();
    fireEvent.click(tile('食盐'));
    fireEvent.click(tile('食盐'));
    expect(tile('食盐')).toHaveTextContent('已换完');
    fireEvent.click(tile('食盐'));
    expect(screen.getByRole('alert')).toHaveTextContent('“食盐”只剩 2 个，已经都选上了。');
    fireEvent.click(within(basket()).getByRole('button', { name: '多要一个 食盐' }));
    expect(screen.getByRole('alert')).toHaveTextContent('“食盐”只剩 2 个，已经都选上了。');
    expect(within(basket()).getByRole('status', { name: '食盐' })).toHaveTextContent('2');
  });

  it('redeems once however often confirm is pressed, and retries a lost answer with the same key', async () => {
    await signedIn(backend);
    fireEvent.click(tile('大米'));
    backend.dropNextRedemptionAnswer = true;
    const confirm = screen.getByRole('button', { name: '确认兑换' });
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    expect(await screen.findByRole('alert')).toHaveTextContent('网络连不上');
    expect(backend.balance).toBe(50); // the server did it; the answer was lost

    fireEvent.click(screen.getByRole('button', { name: '确认兑换' }));
    expect(await screen.findByRole('heading', { level: 1, name: /兑换成功/ })).toBeInTheDocument();
    expect(screen.getByTestId('receipt-balance')).toHaveTextContent('50 分');
    const keys = backend.calls('POST', '/api/ledger/redemptions').map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(backend.receipts).toHaveLength(1);
    expect(backend.balance).toBe(50);
  });

  it('on OUT_OF_STOCK refreshes the goods, trims the basket and redeems nothing', async () => {
    await signedIn(backend);
    fireEvent.click(tile('食用油'));
    fireEvent.click(tile('毛巾'));
    backend.byName('食用油').quantity = 0; // another villager took the last ones
    fireEvent.click(screen.getByRole('button', { name: '确认兑换' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('有商品刚刚被换完了，没有兑换。');
    await waitFor(() => expect(tile('食用油')).toHaveTextContent('已换完'));
    expect(within(basket()).queryByText('食用油')).not.toBeInTheDocument();
    expect(screen.getByTestId('basket-total')).toHaveTextContent('8 分');
    expect(backend.balance).toBe(80);
    expect(backend.receipts).toHaveLength(0);
  });

  it('on INSUFFICIENT_POINTS shows the new balance and redeems nothing', async () => {
    await signedIn(backend);
    fireEvent.click(tile('食用油'));
    backend.balance = 40; // spent elsewhere meanwhile (a void, a deduction)
    fireEvent.click(screen.getByRole('button', { name: '确认兑换' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('积分不够，没有兑换。请减少商品后再试。');
    await waitFor(() => expect(screen.getByTestId('balance')).toHaveTextContent('40'));
    expect(screen.getByTestId('basket-remaining')).toHaveTextContent('-20 分');
    expect(screen.getByRole('button', { name: '确认兑换' })).toBeDisabled();
    expect(backend.receipts).toHaveLength(0);
  });

  it('on REDEMPTION_BLOCKED says why in plain words', async () => {
    await signedIn(backend);
    fireEvent.click(tile('毛巾'));
    backend.blocked = true;
    fireEvent.click(screen.getByRole('button', { name: '确认兑换' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '这户现在不能兑换（在黑名单期内）。请找村干部了解情况。',
    );
    expect(backend.balance).toBe(80);
  });

  it('goes back to the card screen when the session has ended under the villager', async () => {
    await signedIn(backend);
    fireEvent.click(tile('毛巾'));
    backend.endSessions();
    fireEvent.click(screen.getByRole('button', { name: '确认兑换' }));
    expect(await screen.findByRole('heading', { level: 1, name: '欢迎来到爱心超市' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('登录已过期，请重新刷卡。');
    expect(backend.receipts).toHaveLength(0);
  });

  it('reads the balance and the basket aloud in Chinese number words', async () => {
    await signedIn(backend);
    fireEvent.click(screen.getByRole('button', { name: /读给我听/ }));
    expect(spoken.at(-1)).toMatchObject({ text: '您现在有八十积分。', lang: 'zh-CN' });
    fireEvent.click(tile('毛巾'));
    fireEvent.click(tile('食盐'));
    fireEvent.click(screen.getByRole('button', { name: /读给我听/ }));
    expect(spoken.at(-1)!.text).toBe('您现在有八十积分。您选的商品一共十一积分，换完还剩六十九积分。');

    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'English' }));
    });
    fireEvent.click(screen.getByRole('button', { name: /Read it to me/ }));
    expect(spoken.at(-1)).toMatchObject({
      text: 'You have 80 points.Your goods cost 11 points; 69 points will be left.',
      lang: 'en-US',
    });
  });
});
