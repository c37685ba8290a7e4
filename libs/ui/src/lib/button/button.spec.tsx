import { fireEvent, render, screen } from '@testing-library/react';
import { Button } from './button';

describe('Button', () => {
  it('is a plain button (not a form submit) unless told otherwise, and reports presses', () => {
    const onClick = jest.fn();
    render(<Button onClick={onClick}>兑换</Button>);
    const button = screen.getByRole('button', { name: '兑换' });
    expect(button).toHaveAttribute('type', 'button');
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('blocks presses and says it is busy while loading', () => {
    const onClick = jest.fn();
    render(
      <Button loading onClick={onClick} variant="danger" size="xl">
        提交
      </Button>,
    );
    const button = screen.getByRole('button', { name: '提交' });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(button).toHaveClass('fp-button--danger', 'fp-button--xl');
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('can be disabled without being busy', () => {
    render(<Button disabled>下一页</Button>);
    const button = screen.getByRole('button', { name: '下一页' });
    expect(button).toBeDisabled();
    expect(button).not.toHaveAttribute('aria-busy');
  });
});
