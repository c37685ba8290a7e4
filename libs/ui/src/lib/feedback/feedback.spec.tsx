import { ApiClientError } from '@fupin/api-client';
import { fireEvent, screen } from '@testing-library/react';
import { renderWithI18n } from '../testing/render-with-i18n';
import { EmptyState } from './empty-state';
import { errorMessageKey } from './error-message-key';
import { ErrorState } from './error-state';
import { LoadingState } from './loading-state';
import { NotFoundState } from './not-found-state';
import { StatusBadge } from './status-badge';

describe('feedback states', () => {
  it('announces loading politely', () => {
    renderWithI18n(<LoadingState />);
    expect(screen.getByRole('status')).toHaveTextContent('正在加载…');
  });

  it('alerts on an error and retries on request', () => {
    const onRetry = jest.fn();
    renderWithI18n(<ErrorState message="网络连不上" onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('出错了网络连不上');
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('blocks a second retry while one is running', () => {
    renderWithI18n(<ErrorState onRetry={() => undefined} retrying />, 'en');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeDisabled();
  });

  it('shows an empty state with its next step', () => {
    renderWithI18n(<EmptyState title="还没有订单" action={<a href="/shop">去逛逛</a>} />);
    expect(screen.getByText('还没有订单')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '去逛逛' })).toBeInTheDocument();
  });

  it('shows not found with a way home', () => {
    renderWithI18n(<NotFoundState homeLink={<a href="/">回到首页</a>} />);
    expect(screen.getByRole('heading', { name: '找不到这个页面' })).toBeInTheDocument();
  });

  it('marks a status with a symbol as well as colour', () => {
    renderWithI18n(<StatusBadge tone="ok">正常</StatusBadge>);
    const badge = screen.getByText('正常');
    expect(badge).toHaveClass('fp-badge--ok');
    expect(badge).toHaveTextContent('✓');
  });
});

describe('errorMessageKey', () => {
  it('tells a network failure and a slow server apart from a server fault', () => {
    expect(errorMessageKey(new ApiClientError({ status: 0, code: 'network', message: '' }))).toBe(
      'common.error.network',
    );
    expect(errorMessageKey(new ApiClientError({ status: 0, code: 'timeout', message: '' }))).toBe(
      'common.error.timeout',
    );
    expect(errorMessageKey(new ApiClientError({ status: 500, code: 'http_500', message: '' }))).toBe(
      'common.error.server',
    );
    expect(errorMessageKey(new Error('boom'))).toBe('common.error.server');
  });
});
