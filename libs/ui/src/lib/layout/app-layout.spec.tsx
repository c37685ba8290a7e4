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

describe('AppLayout with a collapsible menu and header actions', () => {
  it('folds the menu behind a toggle and folds it again after a link is followed', () => {
    renderWithI18n(
      <AppLayout
        title="管理后台"
        collapsibleNav
        nav={<a href="#households">农户</a>}
        actions={<button type="button">退出</button>}
      >
        <p />
      </AppLayout>,
    );
    const toggle = screen.getByRole('button', { name: /菜单/ });
    const nav = screen.getByRole('navigation', { name: '主菜单' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveAttribute('aria-controls', nav.id);
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(nav).toHaveClass('fp-header__nav--open');
    fireEvent.click(screen.getByRole('link', { name: '农户' }));
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('banner')).toContainElement(screen.getByRole('button', { name: '退出' }));
  });

  it('has no toggle unless asked', () => {
    renderWithI18n(
      <AppLayout title="扶贫超市" nav={<a href="/orders">我的订单</a>}>
        <p />
      </AppLayout>,
    );
    expect(screen.queryByRole('button', { name: /菜单/ })).not.toBeInTheDocument();
  });
});
