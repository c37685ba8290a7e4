import { screen } from '@testing-library/react';
import { renderWithI18n } from '../testing/render-with-i18n';
import { Notice } from './notice';

describe('Notice', () => {
  it('alerts for an error, with its action', () => {
    renderWithI18n(
      <Notice tone="error" title="别人已经改过这户" action={<button type="button">重新加载</button>}>
        请重新加载后再改。
      </Notice>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('别人已经改过这户请重新加载后再改。');
    expect(alert).toHaveClass('fp-notice--error');
    expect(screen.getByRole('button', { name: '重新加载' })).toBeInTheDocument();
  });

  it('is a polite status for good news', () => {
    renderWithI18n(<Notice tone="ok" title="已保存" />);
    expect(screen.getByRole('status')).toHaveTextContent('已保存');
  });
});
