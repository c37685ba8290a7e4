import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { renderWithI18n } from '../testing/render-with-i18n';
import { NumberField } from './number-field';
import { SelectField } from './select-field';
import { TextField } from './text-field';

describe('TextField', () => {
  it('ties the label, hint and error to the input', () => {
    renderWithI18n(
      <TextField
        label="积分卡号"
        hint="卡背面的 8 位数字"
        error="卡号不对，请再看一遍"
        required
        defaultValue="123"
      />,
    );
    const input = screen.getByRole('textbox', { name: /积分卡号/ });
    expect(input).toHaveValue('123');
    expect(input).toBeRequired();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('卡背面的 8 位数字 卡号不对，请再看一遍');
    expect(screen.getByText('（必填）')).toBeInTheDocument();
  });

  it('is neither invalid nor described when it has no hint or error', () => {
    renderWithI18n(<TextField label="姓名" />);
    const input = screen.getByRole('textbox', { name: '姓名' });
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input).not.toHaveAttribute('aria-describedby');
  });
});

function PointsInput({ onValue }: { onValue: (value: number | null) => void }) {
  const [value, setValue] = useState<number | null>(20);
  return (
    <NumberField
      label="兑换积分"
      unit="分"
      value={value}
      onValueChange={(next) => {
        setValue(next);
        onValue(next);
      }}
    />
  );
}

describe('NumberField', () => {
  it('opens a numeric keypad and reports whole numbers only', () => {
    const onValue = jest.fn();
    renderWithI18n(<PointsInput onValue={onValue} />);
    const input = screen.getByRole('textbox', { name: '兑换积分' });
    expect(input).toHaveValue('20');
    expect(input).toHaveAttribute('inputmode', 'numeric');

    fireEvent.change(input, { target: { value: '35' } });
    expect(onValue).toHaveBeenLastCalledWith(35);

    fireEvent.change(input, { target: { value: '3.5' } });
    expect(onValue).toHaveBeenLastCalledWith(null);
    expect(input).toHaveValue('3.5');

    fireEvent.change(input, { target: { value: '' } });
    expect(onValue).toHaveBeenLastCalledWith(null);
    expect(screen.getByText('分')).toBeInTheDocument();
  });

  it('follows a new value from its parent', () => {
    const { rerender } = renderWithI18n(
      <NumberField label="金额（分）" value={100} onValueChange={() => undefined} />,
    );
    rerender(<NumberField label="金额（分）" value={250} onValueChange={() => undefined} />);
    expect(screen.getByRole('textbox', { name: '金额（分）' })).toHaveValue('250');
  });
});

describe('SelectField', () => {
  it('offers the options after a placeholder and reports the choice', () => {
    const onChange = jest.fn();
    renderWithI18n(
      <SelectField
        label="村"
        placeholder="请选择"
        error="请选择一个村"
        options={[
          { value: 'v1', label: '石门村' },
          { value: 'v2', label: '桃园村' },
        ]}
        defaultValue=""
        onChange={(event) => onChange(event.target.value)}
      />,
    );
    const select = screen.getByRole('combobox', { name: '村' });
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      '请选择',
      '石门村',
      '桃园村',
    ]);
    expect(select).toHaveAccessibleDescription('请选择一个村');
    fireEvent.change(select, { target: { value: 'v2' } });
    expect(onChange).toHaveBeenCalledWith('v2');
  });
});
