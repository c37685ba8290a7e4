import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum LoginErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  AccountLocked = 'ACCOUNT_LOCKED',
  AccountDisabled = 'ACCOUNT_DISABLED',
  RefreshTokenInvalid = 'REFRESH_TOKEN_INVALID',
  CurrentPasswordWrong = 'CURRENT_PASSWORD_WRONG',
  SamePassword = 'PASSWORD_UNCHANGED',
  NotAStaffUser = 'NOT_A_STAFF_USER',
}

const STATUS: Record<LoginErrorCode, HttpStatus> = {
  [LoginErrorCode.InvalidCredentials]: HttpStatus.UNAUTHORIZED,
  [LoginErrorCode.AccountLocked]: HttpStatus.LOCKED,
  [LoginErrorCode.AccountDisabled]: HttpStatus.FORBIDDEN,
  [LoginErrorCode.RefreshTokenInvalid]: HttpStatus.UNAUTHORIZED,
  [LoginErrorCode.CurrentPasswordWrong]: HttpStatus.UNPROCESSABLE_ENTITY,
  [LoginErrorCode.SamePassword]: HttpStatus.UNPROCESSABLE_ENTITY,
  [LoginErrorCode.NotAStaffUser]: HttpStatus.FORBIDDEN,
};

/** An expected failure of login, refresh and password change. */
export class LoginException extends DomainException {
  constructor(code: LoginErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }

  static locked(until: Date): LoginException {
    const time = until.toISOString();
    return new LoginException(
      LoginErrorCode.AccountLocked,
      `密码错误次数过多，账户已锁定至 ${time} / Too many wrong passwords: locked until ${time}`,
      { lockedUntil: time },
    );
  }

  static invalidCredentials(attemptsLeft?: number): LoginException {
    return new LoginException(
      LoginErrorCode.InvalidCredentials,
      '用户名或密码错误 / Wrong username or password',
      attemptsLeft === undefined ? undefined : { attemptsLeft },
    );
  }

  static refreshInvalid(): LoginException {
    return new LoginException(
      LoginErrorCode.RefreshTokenInvalid,
      '登录已失效，请重新登录 / The session has ended, sign in again',
    );
  }
}
