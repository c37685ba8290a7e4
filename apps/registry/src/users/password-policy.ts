import { PASSWORD_RULES } from '@fupin/contracts';
import { UserErrorCode, UserException } from './users.exception';

const COMMON = new Set([
  'password123',
  'password1234',
  'qwerty12345',
  'qwertyuiop1',
  '1234567890a',
  'a1234567890',
  'abc1234567',
  'abcd123456',
  'woaini1314',
  'admin12345',
  'admin123456',
  'fupin123456',
]);

/** Why a password is too weak (Chinese / English), or undefined when it is acceptable. */
export function passwordWeakness(password: string, username: string): string | undefined {
  if (password.length < PASSWORD_RULES.minLength)
    return `密码至少 ${PASSWORD_RULES.minLength} 位 / At least ${PASSWORD_RULES.minLength} characters`;
  if (password.length > PASSWORD_RULES.maxLength)
    return `密码最多 ${PASSWORD_RULES.maxLength} 位 / At most ${PASSWORD_RULES.maxLength} characters`;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password))
    return '密码须同时包含字母和数字 / Use both letters and digits';
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return '密码不能包含用户名 / Must not contain the username';
  if (COMMON.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) return '密码过于常见 / Too common';
  return undefined;
}

/** 422 WEAK_PASSWORD unless the password meets the rules. */
export function assertStrongPassword(password: string, username: string): void {
  const weakness = passwordWeakness(password, username);
  if (weakness)
    throw new UserException(UserErrorCode.WeakPassword, weakness, { rules: PASSWORD_RULES.description });
}
