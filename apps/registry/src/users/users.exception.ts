import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum UserErrorCode {
  NotFound = 'USER_NOT_FOUND',
  UsernameTaken = 'USERNAME_TAKEN',
  WeakPassword = 'WEAK_PASSWORD',
  ScopeNotAllowed = 'SCOPE_NOT_ALLOWED_FOR_ROLE',
  ScopeNotFound = 'SCOPE_NOT_FOUND',
  CannotChangeSelf = 'CANNOT_CHANGE_OWN_ACCOUNT',
}

const STATUS: Record<UserErrorCode, HttpStatus> = {
  [UserErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [UserErrorCode.UsernameTaken]: HttpStatus.CONFLICT,
  [UserErrorCode.WeakPassword]: HttpStatus.UNPROCESSABLE_ENTITY,
  [UserErrorCode.ScopeNotAllowed]: HttpStatus.UNPROCESSABLE_ENTITY,
  [UserErrorCode.ScopeNotFound]: HttpStatus.UNPROCESSABLE_ENTITY,
  [UserErrorCode.CannotChangeSelf]: HttpStatus.CONFLICT,
};

/** An expected failure of the users module. */
export class UserException extends DomainException {
  constructor(code: UserErrorCode, message: string, details?: unknown) {
    super(code, message, STATUS[code], details);
  }

  static notFound(id: string): UserException {
    return new UserException(UserErrorCode.NotFound, `用户 ${id} 不存在 / User ${id} does not exist`);
  }
}
