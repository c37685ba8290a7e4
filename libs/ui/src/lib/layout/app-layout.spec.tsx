import { fireEvent, screen } from '@testing-library/react';
import { renderWithI18n } from '../testing/render-with-i18n';
import { AppLayout } from './app-layout';

describe('AppLayout', () => {
  it('shows the title, a labelled menu, the page content and a skip link', () => {
    renderWithI18n(
      <AppLayout title="扶贫超市" nav={<a href="/orders">我的订单</a>}>
        <p>内容</p>
      </AppLayout>,
    );
    expect(screen.getByRole('banner')).toHaveTextContent('扶贫超市');
    expect(screen.getByRole('navigation', { name: '主菜单' })).toContainElement(
      screen.getByRole('link', { name: '我的订单' }),
    );
    expect(screen.getByRole('main')).toHaveTextContent('内容');
    expect(screen.getByRole('link', { name: '跳到主要内容' })).toHaveAttribute('href', '#fp-main');
  });

  it('switches the shared words to English and back with the language buttons', () => {
    renderWithI18n(
      <AppLayout title="爱心超市">
        <p />
      </AppLayout>,
    );
    const chinese = screen.getByRole('button', { name: '中文' });
    const english = screen.getByRole('button', { name: 'English' });
    expect(chinese).toHaveAttribute('aria-pressed', 'true');

    fireEvent.click(english);
    expect(english).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');

    fireEvent.click(chinese);
    expect(screen.getByRole('link', { name: '跳到主要内容' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('uses the kiosk frame for the kiosk variant and omits an empty menu', () => {
    const { container } = renderWithI18n(
      <AppLayout title="爱心超市" variant="kiosk">
        <p />
      </AppLayout>,
    );
    expect(container.firstChild).toHaveClass('fp-app--kiosk');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });
});
