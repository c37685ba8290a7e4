import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

export enum ExpiryErrorCode {
  PolicyNotFound = 'EXPIRY_POLICY_NOT_FOUND',
  PolicyDisabled = 'EXPIRY_POLICY_DISABLED',
  NotInForce = 'EXPIRY_NOT_IN_FORCE',
  FutureRunDate = 'EXPIRY_RUN_DATE_IN_FUTURE',
}

const STATUS: Record<ExpiryErrorCode, HttpStatus> = {
  [ExpiryErrorCode.PolicyNotFound]: HttpStatus.NOT_FOUND,
  [ExpiryErrorCode.PolicyDisabled]: HttpStatus.CONFLICT,
  [ExpiryErrorCode.NotInForce]: HttpStatus.CONFLICT,
  [ExpiryErrorCode.FutureRunDate]: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** An expected failure of points expiry (积分过期). */
export class ExpiryException extends DomainException {
  constructor(code: ExpiryErrorCode, message: string) {
    super(code, message, STATUS[code]);
  }
}
