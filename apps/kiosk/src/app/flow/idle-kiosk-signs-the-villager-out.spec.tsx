import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import {
  CARD,
  CREDENTIAL,
  PIN,
  startFakeKioskBackend,
  type FakeKioskBackend,
} from '../../testing/fake-kiosk-backend';
import { renderKiosk } from '../../testing/render-kiosk';
import { IDLE_MS, WARN_MS } from './kiosk-flow';

describe('a kiosk left alone with a villager signed in', () => {
  let backend: FakeKioskBackend;

  beforeEach(async () => {
    // The clock is driven by the test; real time still passes for the loopback HTTP calls.
    jest.useFakeTimers({ advanceTimers: true });
    backend = await startFakeKioskBackend();
  });

  afterEach(async () => {
    jest.useRealTimers();
    await backend.close();
  });

  async function signedIn() {
    renderKiosk(backend.url, { credential: CREDENTIAL });
    const field = await screen.findByRole('textbox', { name: '积分卡号' });
    fireEvent.change(field, { target: { value: CARD } });
    fireEvent.submit(field.closest('form')!);
    await screen.findByRole('heading', { level: 1, name: '请输入密码' });
    for (const digit of PIN) fireEvent.keyDown(window, { key: digit });
    fireEvent.keyDown(window, { key: 'Enter' });
    await screen.findByTestId('balance');
  }

  it('warns after a minute, carries on when the villager is still there, and signs out after the warning', async () => {
    await signedIn();
    act(() => jest.advanceTimersByTime(IDLE_MS - 1000));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    act(() => jest.advanceTimersByTime(1000));
    const dialog = screen.getByRole('alertdialog', { name: '您还在吗？' });
    expect(dialog).toHaveTextContent('15 秒后自动退出，保护您的积分。');
    act(() => jest.advanceTimersByTime(5000));
    expect(dialog).toHaveTextContent('10 秒后自动退出');

    fireEvent.click(screen.getByRole('button', { name: '我还在，继续' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('balance')).toBeInTheDocument();

    act(() => jest.advanceTimersByTime(IDLE_MS + WARN_MS));
    expect(await screen.findByRole('heading', { level: 1, name: '欢迎来到爱心超市' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('太久没有操作，已自动退出。');
    await waitFor(() =>
      expect(backend.calls('POST', '/api/registry/auth/kiosk/session/end')).toHaveLength(1),
    );
  });

  it('counts a touch as activity and renews the two-minute session while the villager shops', async () => {
    await signedIn();
    act(() => jest.advanceTimersByTime(50_000));
    fireEvent.pointerDown(document.body);
    act(() => jest.advanceTimersByTime(50_000));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(backend.calls('POST', '/api/registry/auth/kiosk/session/refresh')).toHaveLength(1),
    );
    // The renewed token is used from then on.
    fireEvent.click(document.querySelector<HTMLElement>('[data-goods="毛巾"]')!);
    fireEvent.click(screen.getByRole('button', { name: '确认兑换' }));
    expect(await screen.findByRole('heading', { level: 1, name: /兑换成功/ })).toBeInTheDocument();
    const redemption = backend.calls('POST', '/api/ledger/redemptions').at(-1)!;
    expect(redemption.headers.authorization).toBe('Bearer token-2');
    expect(backend.receipts).toHaveLength(1);
  });
});
