import { passwordWeakness } from './password-policy';

describe('staff password rules', () => {
  it.each([
    ['short1', /至少 10 位/],
    ['onlyletterslong', /字母和数字/],
    ['12345678901234', /字母和数字/],
    ['wang-admin-2024', /用户名/],
    ['Password123', /常见/],
  ])('refuses %s', (password, reason) => {
    expect(passwordWeakness(password, 'wang-admin')).toMatch(reason);
  });

  it('accepts a long password with letters and digits', () => {
    expect(passwordWeakness('Fangcheng-2020-扶贫', 'wang-admin')).toBeUndefined();
  });
});
