import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  CARD,
  CREDENTIAL,
  LOCKED_CARD,
  OTHER_VILLAGE_CARD,
  PIN,
  startFakeKioskBackend,
  type FakeKioskBackend,
} from '../../testing/fake-kiosk-backend';
import { renderKiosk } from '../../testing/render-kiosk';

const keypad = () => screen.getByRole('group', { name: '数字键盘' });
const press = (keys: string) => {
  for (const key of keys) fireEvent.click(within(keypad()).getByRole('button', { name: key }));
};

async function atCardScreen(url: string) {
  const view = renderKiosk(url, { credential: CREDENTIAL });
  await screen.findByRole('heading', { level: 1, name: '欢迎来到爱心超市' });
  return view;
}

/** What a card reader does: types the number into the focused field and presses Enter. */
function swipe(card: string) {
  const field = screen.getByRole('textbox', { name: '积分卡号' });
  expect(field).toHaveFocus();
  fireEvent.change(field, { target: { value: card } });
  fireEvent.submit(field.closest('form')!);
}

describe('a villager signs in at the kiosk', () => {
  let backend: FakeKioskBackend;

  beforeEach(async () => {
    backend = await startFakeKioskBackend();
  });

  afterEach(() => backend.close());

  it('swipes the card, types the PIN masked on big keys and sees the balance', async () => {
    await atCardScreen(backend.url);
    swipe(CARD);
    expect(await screen.findByRole('heading', { level: 1, name: '请输入密码' })).toBeInTheDocument();
    expect(screen.getByText(`卡号：${CARD}`)).toBeInTheDocument();

    press('3673');
    expect(screen.getByRole('img', { name: '密码: 已输入 4 位' })).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('3673');
    fireEvent.click(within(keypad()).getByRole('button', { name: /退格/ }));
    press('303');
    expect(screen.getByRole('img', { name: '密码: 已输入 6 位' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '确定' }));

    expect(await screen.findByTestId('balance')).toHaveTextContent('80');
    expect(screen.getByText('王秀英，您好')).toBeInTheDocument();
    const signIn = backend.calls('POST', '/api/registry/auth/kiosk/sign-in')[0]!;
    expect(JSON.parse(signIn.body)).toEqual({ cardNumber: CARD, pin: PIN });
    expect(signIn.headers['x-kiosk-credential']).toBe(CREDENTIAL);
  });

  it('types a card number with letters on the keypad', async () => {
    await atCardScreen(backend.url);
    fireEvent.click(within(keypad()).getByRole('button', { name: '字母' }));
    press('FC');
    fireEvent.click(within(keypad()).getByRole('button', { name: '数字' }));
    press('1042010001');
    expect(screen.getByRole('textbox', { name: '积分卡号' })).toHaveValue(CARD);
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    expect(await screen.findByText(`卡号：${CARD}`)).toBeInTheDocument();
  });

  it('asks for the card first when Next is pressed on an empty field', async () => {
    await atCardScreen(backend.url);
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    expect(screen.getByRole('alert')).toHaveTextContent('请先刷卡或输入卡号');
  });

  it('says how many tries are left after a wrong PIN and lets the villager try again', async () => {
    await atCardScreen(backend.url);
    swipe(CARD);
    await screen.findByRole('heading', { level: 1, name: '请输入密码' });
    press('1111');
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('密码不对，还可以再试 4 次。');
    expect(screen.getByRole('img', { name: '密码: 已输入 0 位' })).toBeInTheDocument();
    press(PIN);
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    expect(await screen.findByTestId('balance')).toHaveTextContent('80');
  });

  it('refuses a PIN shorter than four digits without asking the server', async () => {
    await atCardScreen(backend.url);
    swipe(CARD);
    await screen.findByRole('heading', { level: 1, name: '请输入密码' });
    press('12');
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    expect(screen.getByRole('alert')).toHaveTextContent('密码至少 4 位数字');
    expect(backend.calls('POST', '/api/registry/auth/kiosk/sign-in')).toHaveLength(0);
  });

  it.each([
    [LOCKED_CARD, '这张卡已经锁定了。请找村干部或超市管理员解锁。'],
    [OTHER_VILLAGE_CARD, '这张卡不是本村的，请到本村的爱心超市使用。'],
    ['FC9999999999', '卡号或密码不对。请检查卡号后重新刷卡。'],
  ])('sends card %s back to the card screen with a plain reason', async (card, reason) => {
    await atCardScreen(backend.url);
    swipe(card);
    await screen.findByRole('heading', { level: 1, name: '请输入密码' });
    press('123456');
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    expect(await screen.findByRole('heading', { level: 1, name: '欢迎来到爱心超市' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(reason);
  });

  it('says the network is down and keeps the villager on the PIN screen', async () => {
    await atCardScreen(backend.url);
    swipe(CARD);
    await screen.findByRole('heading', { level: 1, name: '请输入密码' });
    await backend.close();
    press(PIN);
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('网络连不上');
    expect(screen.getByRole('heading', { level: 1, name: '请输入密码' })).toBeInTheDocument();
  });

  it('speaks English on request, and the next villager starts in Chinese again', async () => {
    await atCardScreen(backend.url);
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(
      screen.getByRole('heading', { level: 1, name: 'Welcome to the Love Supermarket' }),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: 'Points card number' }), {
      target: { value: CARD },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    // A PIN pad that types like a keyboard works too.
    await screen.findByRole('heading', { level: 1, name: 'Enter your PIN' });
    for (const digit of PIN) fireEvent.keyDown(window, { key: digit });
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(await screen.findByText('Your points')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: '欢迎来到爱心超市' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('已退出，欢迎下次再来。');
    await waitFor(() =>
      expect(backend.calls('POST', '/api/registry/auth/kiosk/session/end')).toHaveLength(1),
    );
  });
});
