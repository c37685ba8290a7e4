import { PASSWORD_RULES } from '@fupin/contracts';

export type PasswordProblem = 'short' | 'lettersAndDigits' | 'containsUsername';

/** The registry's strength rules, checked before sending so the form can say which one is missed. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if (password.length < PASSWORD_RULES.minLength) return 'short';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return 'lettersAndDigits';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'containsUsername';
  return null;
}
