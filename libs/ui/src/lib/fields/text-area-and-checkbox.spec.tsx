import { fireEvent, screen } from '@testing-library/react';
import { renderWithI18n } from '../testing/render-with-i18n';
import { CheckboxField } from './checkbox-field';
import { TextAreaField } from './text-area-field';

describe('TextAreaField', () => {
  it('ties label, hint and error to a multi-line box', () => {
    renderWithI18n(<TextAreaField label="原因" hint="写进变更记录" error="请填写原因" required />);
    const box = screen.getByRole('textbox', { name: /原因/ });
    expect(box.tagName).toBe('TEXTAREA');
    expect(box).toBeRequired();
    expect(box).toHaveAccessibleDescription('写进变更记录 请填写原因');
  });
});

describe('CheckboxField', () => {
  it('is a labelled checkbox that reports changes', () => {
    const onChange = jest.fn();
    renderWithI18n(
      <CheckboxField
        label="只看锁定的积分卡"
        hint="输错 5 次密码会锁卡"
        onChange={(e) => onChange(e.target.checked)}
      />,
    );
    const box = screen.getByRole('checkbox', { name: '只看锁定的积分卡' });
    expect(box).toHaveAccessibleDescription('输错 5 次密码会锁卡');
    fireEvent.click(screen.getByText('只看锁定的积分卡'));
    expect(onChange).toHaveBeenCalledWith(true);
  });
});
